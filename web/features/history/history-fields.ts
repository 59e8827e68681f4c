import type { MessageKey, Translate } from '../../lib/i18n/translate.ts';

/**
 * How a recorded field's value reads (docs/product/api.md § History and undo names the fields):
 * `amount` in SEK, `percent`, `years` as a duration, `year` as a calendar year.
 */
export type FieldKind = 'text' | 'number' | 'amount' | 'percent' | 'year' | 'years' | 'boolean' | 'category' | 'status' | 'building' | 'location' | 'tags';

export interface HistoryField {
  field: string;
  /** The label the action form or the plan's settings give the field. */
  label: MessageKey;
  kind: FieldKind;
}

/** An action's fields in the API's order (docs/product/api.md § Actions): what it is, where, how much, when. */
export const actionFields: readonly HistoryField[] = [
  { field: 'name', label: 'actions.field.name', kind: 'text' },
  { field: 'category', label: 'actions.field.category', kind: 'category' },
  { field: 'buildingId', label: 'actions.field.building', kind: 'building' },
  { field: 'locationId', label: 'actions.field.location', kind: 'location' },
  { field: 'quantity', label: 'actions.field.quantity', kind: 'number' },
  { field: 'unit', label: 'actions.field.unit', kind: 'text' },
  { field: 'unitPrice', label: 'actions.field.unit_price', kind: 'amount' },
  { field: 'year', label: 'actions.field.year', kind: 'year' },
  { field: 'intervalYears', label: 'actions.field.interval', kind: 'years' },
  { field: 'status', label: 'actions.field.status', kind: 'status' },
  { field: 'baseYear', label: 'actions.field.base_year', kind: 'year' },
  { field: 'isInvestment', label: 'actions.field.investment', kind: 'boolean' },
  { field: 'tags', label: 'actions.field.tags', kind: 'tags' },
  { field: 'note', label: 'actions.field.note', kind: 'text' },
];

/** A plan's own settings (`actionId` null in its history), in the order of the settings form. */
export const planFields: readonly HistoryField[] = [
  { field: 'name', label: 'plans.field.name', kind: 'text' },
  { field: 'startYear', label: 'plans.field.start_year', kind: 'year' },
  { field: 'lengthYears', label: 'plans.field.length_years', kind: 'years' },
  { field: 'clientCostPercent', label: 'plans.field.client_cost_percent', kind: 'percent' },
  { field: 'vatPercent', label: 'plans.field.vat_percent', kind: 'percent' },
  { field: 'indexation.enabled', label: 'plans.indexation.enabled', kind: 'boolean' },
  { field: 'indexation.annualRatePercent', label: 'plans.indexation.rate', kind: 'percent' },
  { field: 'indexation.defaultBaseYear', label: 'plans.indexation.base_year', kind: 'year' },
  { field: 'fund.openingBalance', label: 'plans.fund.opening_balance', kind: 'amount' },
  { field: 'fund.currentProvisionPerYear', label: 'plans.fund.current_provision', kind: 'amount' },
  { field: 'fund.provisionGrowthPercent', label: 'plans.fund.provision_growth', kind: 'percent' },
  { field: 'fund.interestRatePercent', label: 'plans.fund.interest_rate', kind: 'percent' },
  { field: 'fund.minimumBalance', label: 'plans.fund.minimum_balance', kind: 'amount' },
];

/** The field as recorded for an action or, when `isPlanSettings`, for the plan; undefined for a field this app does not know. */
export function historyFieldOf(field: string, isPlanSettings: boolean): HistoryField | undefined {
  return (isPlanSettings ? planFields : actionFields).find((candidate) => candidate.field === field);
}

/**
 * The form's label without its unit ("À-pris (kr)" → "À-pris"): in the history each value
 * carries its own ("640,50 kr", "10 %", "30 år").
 */
export function fieldLabel(field: HistoryField, t: Translate): string {
  return t(field.label).replace(/ \([^)]*\)$/, '');
}

/** The field filter's choices: every field once, the name (an action's and the plan's) under `nameLabel`. */
export function historyFilterOptions(t: Translate, nameLabel: string): { value: string; label: string }[] {
  const settings = planFields.filter(({ field }) => field !== 'name');
  return [...actionFields, ...settings].map((field) => ({ value: field.field, label: field.field === 'name' ? nameLabel : fieldLabel(field, t) }));
}

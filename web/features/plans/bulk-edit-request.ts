import { bulkUpdateActionsRequestSchema, type Action, type BulkSet, type BulkUpdateActionsRequest } from '../../../shared/schemas/action.ts';
import type { ValidationMessageKey } from '../../../shared/i18n/validation-messages.ts';
import { issuesToFieldCodes } from '../../../shared/validation-issues.ts';
import { parseNumberInput } from '../../lib/forms/form-values.ts';

/** The bulk bar's fields as typed; '' leaves a field unchanged. */
export interface BulkEditValues {
  shiftYears: string;
  year: string;
  status: string;
  category: string;
  /** A building's id, `none` to clear it, or '' for unchanged; the same for `locationId`. */
  buildingId: string;
  locationId: string;
  /** Comma-separated; replaces every selected action's tags. */
  tags: string;
  isInvestment: '' | 'yes' | 'no';
  scaleUnitPricePercent: string;
}

export const noBulkEdit: BulkEditValues = {
  shiftYears: '',
  year: '',
  status: '',
  category: '',
  buildingId: '',
  locationId: '',
  tags: '',
  isInvestment: '',
  scaleUnitPricePercent: '',
};

/** The select value that clears a building or location. */
export const clearPart = 'none';

export type BulkEditField = keyof BulkEditValues;

/** A field's message, or a message for the whole bar (`form`): nothing to change, years out of range. */
export type BulkEditProblems = Partial<Record<BulkEditField | 'form', ValidationMessageKey>>;

/** The years an action may have (the API's and the database's limits). */
const firstYear = 1900;
const lastYear = 2200;

/**
 * The request for the bulk bar's values, checked with the API's own schema (so the messages are
 * the server's), or the problems to show. `actions` are the selected ones: a move that would put
 * any of them outside 1900–2200 is stopped here, with their number (`outsideYears`), before the
 * server would refuse it.
 */
export function buildBulkUpdateRequest(
  values: BulkEditValues,
  actions: readonly Pick<Action, 'id' | 'year'>[],
): { request: BulkUpdateActionsRequest } | { problems: BulkEditProblems; outsideYears?: number } {
  const set: Record<keyof BulkSet, unknown> = {
    year: parseNumberInput(values.year),
    status: values.status || undefined,
    category: values.category || undefined,
    buildingId: partValue(values.buildingId),
    locationId: partValue(values.locationId),
    tags: values.tags.trim() === '' ? undefined : values.tags.split(','),
    isInvestment: values.isInvestment === '' ? undefined : values.isInvestment === 'yes',
  };
  const hasSet = Object.values(set).some((value) => value !== undefined);
  const parsed = bulkUpdateActionsRequestSchema.safeParse({
    actionIds: actions.map((action) => action.id),
    ...(hasSet ? { set } : {}),
    shiftYears: parseNumberInput(values.shiftYears.replace(/^\s*\+/, '')),
    scaleUnitPricePercent: parseNumberInput(values.scaleUnitPricePercent.replace(/^\s*\+/, '').replace(/\s*%\s*$/, '')),
  });
  if (!parsed.success) return { problems: bulkEditProblemsOf(issuesToFieldCodes(parsed.error.issues)) };
  const shift = parsed.data.shiftYears;
  if (shift !== undefined) {
    const outsideYears = actions.filter((action) => action.year + shift < firstYear || action.year + shift > lastYear).length;
    if (outsideYears > 0) return { problems: { shiftYears: 'actions.shift_outside_years' }, outsideYears };
  }
  return { request: parsed.data };
}

function partValue(value: string): string | null | undefined {
  if (value === '') return undefined;
  return value === clearPart ? null : value;
}

/** The API's field paths (`set.tags.3`, `shiftYears`, `buildingId`…) as the bar's fields. */
export function bulkEditProblemsOf(fieldCodes: Readonly<Record<string, string>>): BulkEditProblems {
  const problems: BulkEditProblems = {};
  for (const [path, code] of Object.entries(fieldCodes)) {
    const [first, second] = path.split('.');
    const name = first === 'set' || first === 'changes' ? second : first;
    // No change at all: the schema reports `changes` as required.
    const field = name === undefined || !(name in noBulkEdit) ? 'form' : (name as BulkEditField);
    problems[field] ??= (field === 'form' && path === 'changes' ? 'actions.nothing_to_set' : code) as ValidationMessageKey;
  }
  return problems;
}

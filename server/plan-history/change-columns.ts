/**
 * The history's field names (the API's) and the columns they are stored in, for actions and for a
 * plan's own settings: the TypeScript half of `action_change_columns()` and `plan_change_columns()`
 * in the migrations, which change-columns.test.ts holds equal. Undo uses them to write a recorded
 * "from" back.
 */
export const actionChangeColumns = {
  name: 'name',
  category: 'category',
  buildingId: 'building_id',
  locationId: 'location_id',
  quantity: 'quantity',
  unit: 'unit',
  unitPrice: 'unit_price',
  year: 'year',
  intervalYears: 'interval_years',
  status: 'status',
  baseYear: 'base_year',
  isInvestment: 'is_investment',
  tags: 'tags',
  note: 'note',
  libraryItemId: 'library_item_id',
} as const;

export const planChangeColumns = {
  name: 'name',
  startYear: 'start_year',
  lengthYears: 'length_years',
  clientCostPercent: 'client_cost_percent',
  vatPercent: 'vat_percent',
  'indexation.enabled': 'indexation_enabled',
  'indexation.annualRatePercent': 'indexation_rate_percent',
  'indexation.defaultBaseYear': 'indexation_default_base_year',
  'fund.openingBalance': 'fund_opening_balance',
  'fund.currentProvisionPerYear': 'fund_current_provision',
  'fund.provisionGrowthPercent': 'fund_provision_growth_percent',
  'fund.interestRatePercent': 'fund_interest_rate_percent',
  'fund.minimumBalance': 'fund_minimum_balance',
} as const;

export type ActionChangeField = keyof typeof actionChangeColumns;
export type PlanChangeField = keyof typeof planChangeColumns;

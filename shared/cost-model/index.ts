/**
 * The cost model of docs/product/cost-model.md as pure functions (docs/design-rules.md § Rule 6):
 * the API, the charts and every export use these, so they can never disagree.
 */
export type { ActionInput, ActionStatus, CostedOccurrence, Occurrence, OccurrenceStatus, PlanInput, VatMode } from './types.ts';
export { OCCURRENCE_STATUSES } from './types.ts';
export {
  indexFactorOf,
  occurrenceCost,
  occurrencesOf,
  planOccurrences,
  planWindow,
  seriesStartOf,
  vatFactorOf,
  type PlanWindow,
  type SeriesStart,
} from './occurrences.ts';
export { analysePlan, maintenanceDebtOf, NO_BUILDING, type PlanAnalysis, type PlanAnalysisOptions, type YearAnalysis } from './analysis.ts';
export { analyseFund, annualisedCostOf, BALANCE_TOLERANCE_SEK, type FundAnalysis, type FundYear } from './fund.ts';
export { displayedAmount, roundForDisplay, roundToOre } from './rounding.ts';
export { ExactSum, sumExactly, sumIn } from './exact-sum.ts';
export { propertyAreaM2 } from './property-area.ts';
export { quantile } from './quantile.ts';

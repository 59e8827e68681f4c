/**
 * Inputs of the cost model (docs/product/cost-model.md), independent of the database rows and the
 * zod schemas, so the API, the charts and every export feed the same pure functions
 * (docs/design-rules.md § Rule 6). Amounts are SEK excluding VAT; percentages are percent (25 means
 * 25 %); years are calendar years.
 */

/** Action status codes (docs/product/domain.md § Action statuses). */
export type ActionStatus = 'draft' | 'planned' | 'urgent' | 'deferred' | 'done';

/**
 * The status an occurrence can have: an occurrence is never `done` (the `k = 0` occurrence of a
 * done action is `planned`, docs/product/cost-model.md § Occurrences, rule 4).
 */
export type OccurrenceStatus = Exclude<ActionStatus, 'done'>;

/** Every occurrence status, in the order of docs/product/domain.md § Action statuses. */
export const OCCURRENCE_STATUSES: readonly OccurrenceStatus[] = ['draft', 'planned', 'urgent', 'deferred'];

export interface PlanInput {
  startYear: number;
  /** 1–100; the window is `[startYear, startYear + lengthYears − 1]`. */
  lengthYears: number;
  /** Byggherrekostnad, a surcharge on every occurrence. */
  clientCostPercent: number;
  vatPercent: number;
  indexation: {
    enabled: boolean;
    annualRatePercent: number;
    /** Price level year of actions without their own `baseYear`; null: such actions are not indexed. */
    defaultBaseYear: number | null;
  };
  fund: {
    /** Balance at the end of `startYear − 1`. */
    openingBalance: number;
    /** Provision in `startYear`; later years grow by `provisionGrowthPercent`. */
    currentProvisionPerYear: number;
    provisionGrowthPercent: number;
    interestRatePercent: number;
    minimumBalance: number;
  };
  /** BOA + LOA of the property in m² (missing = 0). */
  areaM2: number;
}

export interface ActionInput {
  id: string;
  /** Category code (`fasad`, `yttertak`, …). */
  category: string;
  buildingId: string | null;
  locationId: string | null;
  quantity: number;
  /** SEK excluding VAT, at the price level of `baseYear`. */
  unitPrice: number;
  /** Planned year of the next occurrence (for a done action: the year of the completed one). */
  year: number;
  /** 1–100 (whole years), or null for a one-off action. */
  intervalYears: number | null;
  status: ActionStatus;
  /** Price level year of `unitPrice`; null: the plan's `defaultBaseYear`. */
  baseYear: number | null;
  /** Standard-raising work; excluded from the fund and the maintenance debt. */
  isInvestment: boolean;
}

/** `excl`: amounts excluding VAT (the stored prices); `incl`: multiplied by `1 + vatPercent/100`. */
export type VatMode = 'excl' | 'incl';

export interface Occurrence {
  actionId: string;
  year: number;
  /** Position in the series: the occurrence is `k` intervals after the first (placed) one. */
  k: number;
  status: OccurrenceStatus;
  /** True for the `k = 0` occurrence of an action whose first due year is before `startYear`. */
  overdue: boolean;
}

export interface CostedOccurrence extends Occurrence {
  cost: number;
}

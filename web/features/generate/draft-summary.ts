import { ExactSum, planOccurrences, type ActionInput, type PlanInput, type VatMode } from '../../../shared/cost-model/index.ts';
import type { GeneratedDraft } from '../../../shared/schemas/library.ts';

export interface DraftCost {
  draft: GeneratedDraft;
  /** The year of its first occurrence (an overdue one is placed in the start year); null: after the plan period. */
  firstYear: number | null;
  /** That occurrence's cost, unrounded; 0 without one. */
  firstCost: number;
}

export interface DraftSummary {
  drafts: DraftCost[];
  /** Every occurrence of the drafts in the plan period, the exact sum (docs/decisions/0024-sums-from-exact-amounts.md). */
  total: number;
}

/**
 * What the drafts of a dry run will cost in the plan period, computed with the shared cost model
 * as the plan's own views compute their sums: as draft, non-investment actions without a location.
 */
export function summariseDrafts(plan: PlanInput, drafts: readonly GeneratedDraft[], vat: VatMode): DraftSummary {
  const inputs = drafts.map((draft, index): ActionInput => ({
    id: String(index),
    category: draft.category,
    buildingId: draft.buildingId,
    locationId: null,
    quantity: draft.quantity,
    unitPrice: draft.unitPrice,
    year: draft.year,
    intervalYears: draft.intervalYears,
    status: 'draft',
    baseYear: draft.baseYear,
    isInvestment: false,
  }));
  const total = new ExactSum();
  const first = new Map<string, { year: number; cost: number }>();
  for (const occurrence of planOccurrences(plan, inputs, { vat, includeInvestments: true })) {
    total.add(occurrence.cost);
    // The k = 0 occurrence is the series' first; it is absent when the series starts after the period.
    if (occurrence.k === 0) first.set(occurrence.actionId, { year: occurrence.year, cost: occurrence.cost });
  }
  return {
    drafts: drafts.map((draft, index) => {
      const occurrence = first.get(String(index));
      return { draft, firstYear: occurrence?.year ?? null, firstCost: occurrence?.cost ?? 0 };
    }),
    total: total.value(),
  };
}

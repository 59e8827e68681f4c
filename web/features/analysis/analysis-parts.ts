import type { ExactSum, YearAnalysis } from '../../../shared/cost-model/index.ts';

/** One series of a split of the analysis (a category, a building or a status) over the window. */
export interface AnalysisPart {
  key: string;
  /** Σ over the window: the exact sum, not the yearly amounts added up. */
  total: number;
  /** One amount per year of the window, in order. */
  perYear: number[];
}

/**
 * The parts of one split of the yearly analysis, in `order` (display order of categories,
 * statuses or buildings); keys the data has beyond `order` (a building removed meanwhile) follow in
 * the data's order. `totals` are the window's sums of the same split (`PlanAnalysis.byCategory`…),
 * each exact (docs/product/cost-model.md § Sums). Parts without any cost in the window are left
 * out: sixteen categories of which three are used would otherwise fill legends and tables with zeros.
 */
export function partsOf(
  years: readonly YearAnalysis[],
  split: (year: YearAnalysis) => Readonly<Record<string, number>>,
  order: readonly string[],
  totals: Readonly<Record<string, number>>,
): AnalysisPart[] {
  return orderedKeys(order, Object.keys(totals))
    .map((key) => ({ key, perYear: years.map((year) => split(year)[key] ?? 0), total: totals[key] ?? 0 }))
    .filter((part) => part.total !== 0);
}

/** A part of a split with the exact sum of its occurrences, so any set of parts adds up exactly. */
export interface PartSum {
  key: string;
  sum: ExactSum;
}

/** The parts of one split's exact sums in `order` (as `partsOf`), leaving out those without cost. */
export function partSumsOf(sums: ReadonlyMap<string, ExactSum>, order: readonly string[]): PartSum[] {
  return orderedKeys(order, [...sums.keys()])
    .flatMap((key) => {
      const sum = sums.get(key);
      return sum === undefined ? [] : [{ key, sum }];
    })
    .filter((part) => part.sum.value() !== 0);
}

function orderedKeys(order: readonly string[], present: readonly string[]): string[] {
  return [...order, ...present.filter((key) => !order.includes(key))];
}

/** The year with the highest total (the first of equals); undefined for no years. */
export function peakYear(years: readonly YearAnalysis[]): YearAnalysis | undefined {
  return years.reduce<YearAnalysis | undefined>((peak, year) => (peak === undefined || year.total > peak.total ? year : peak), undefined);
}

/** The part with the highest total (the first of equals). */
export function largestPart<Part extends { total: number }>(parts: readonly Part[]): Part | undefined {
  return parts.reduce<Part | undefined>((largest, part) => (largest === undefined || part.total > largest.total ? part : largest), undefined);
}

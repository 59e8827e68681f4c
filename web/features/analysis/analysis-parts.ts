import type { AnalysisResponse } from '../../../shared/schemas/analysis.ts';

export type AnalysisYear = AnalysisResponse['years'][number];

/** One series of a split of the analysis (a category, a building or a status) over the window. */
export interface AnalysisPart {
  key: string;
  /** Σ over the window. */
  total: number;
  /** One amount per year of the window, in order. */
  perYear: number[];
}

/**
 * The parts of one split of the yearly analysis, in `order` (display order of categories,
 * statuses or buildings); keys the data has beyond `order` (a building removed meanwhile) follow in
 * the data's order. Parts without any cost in the window are left out: sixteen categories of which
 * three are used would otherwise fill legends and tables with zeros.
 */
export function partsOf(
  years: readonly AnalysisYear[],
  split: (year: AnalysisYear) => Readonly<Record<string, number>>,
  order: readonly string[],
): AnalysisPart[] {
  const keys = [...order];
  for (const year of years) {
    for (const key of Object.keys(split(year))) if (!keys.includes(key)) keys.push(key);
  }
  return keys
    .map((key) => {
      const perYear = years.map((year) => split(year)[key] ?? 0);
      return { key, perYear, total: perYear.reduce((sum, value) => sum + value, 0) };
    })
    .filter((part) => part.total !== 0);
}

/** The year with the highest total (the first of equals); undefined for no years. */
export function peakYear(years: readonly AnalysisYear[]): AnalysisYear | undefined {
  return years.reduce<AnalysisYear | undefined>((peak, year) => (peak === undefined || year.total > peak.total ? year : peak), undefined);
}

/** The part with the highest total (the first of equals). */
export function largestPart<Part extends { total: number }>(parts: readonly Part[]): Part | undefined {
  return parts.reduce<Part | undefined>((largest, part) => (largest === undefined || part.total > largest.total ? part : largest), undefined);
}

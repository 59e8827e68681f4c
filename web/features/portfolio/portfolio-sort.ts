import type { PortfolioProperty } from '../../../shared/schemas/portfolio.ts';

/** A portfolio row as the table shows it: the API's row and, with customers included, its account's name. */
export type PortfolioRow = PortfolioProperty & { accountName: string };

/** The columns of figures, in the table's order after the property (and its account). */
export const figureColumns = [
  'areaM2',
  'averagePerYear',
  'averagePerYearPerM2',
  'maintenanceDebt',
  'maintenanceDebtPerM2',
  'nextYearCost',
  'currentProvisionPerYear',
  'requiredProvisionPerYear',
  'firstShortfallYear',
] as const satisfies readonly (keyof PortfolioRow)[];
export type SortColumn = 'propertyName' | 'accountName' | (typeof figureColumns)[number];

export interface PortfolioSort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

/**
 * The rows ordered by one column. A figure that cannot be computed (no area, no shortfall) comes
 * last in either direction: it is not the smallest or the largest, and the rows worth reading stay
 * at the top. Ties keep the server's order (by property name), as `Array.prototype.sort` is stable.
 */
export function sortPortfolioRows(rows: readonly PortfolioRow[], { column, direction }: PortfolioSort, collator: Intl.Collator): PortfolioRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((first, second) => {
    const a = first[column];
    const b = second[column];
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    if (typeof a === 'string' && typeof b === 'string') return sign * collator.compare(a, b);
    return sign * (Number(a) - Number(b));
  });
}

/** The sort after pressing a column's header: the same column turns round, another starts ascending. */
export function nextSort(current: PortfolioSort, column: SortColumn): PortfolioSort {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/**
 * Short of funds: the fund runs out within the plan (a first shortfall year), or the provision
 * the plan needs is above the one the association makes now.
 */
export function isShortOfFunds(row: Pick<PortfolioProperty, 'firstShortfallYear' | 'requiredProvisionPerYear' | 'currentProvisionPerYear'>): boolean {
  return row.firstShortfallYear !== null || (row.requiredProvisionPerYear !== null && row.requiredProvisionPerYear > row.currentProvisionPerYear);
}

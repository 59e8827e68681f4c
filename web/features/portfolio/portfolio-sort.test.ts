import { describe, expect, it } from 'vitest';
import { isShortOfFunds, nextSort, sortPortfolioRows, type PortfolioRow } from './portfolio-sort.ts';

function row(propertyName: string, changes: Partial<PortfolioRow> = {}): PortfolioRow {
  return {
    propertyId: propertyName,
    propertyName,
    accountId: 'account',
    accountName: 'Förvaltning AB',
    organisationId: 'organisation',
    planId: `plan of ${propertyName}`,
    areaM2: 1000,
    averagePerYear: 100_000,
    averagePerYearPerM2: 100,
    maintenanceDebt: 0,
    maintenanceDebtPerM2: 0,
    nextYearCost: 0,
    currentProvisionPerYear: 100_000,
    requiredProvisionPerYear: 100_000,
    firstShortfallYear: null,
    ...changes,
  };
}

const collator = new Intl.Collator('sv');
const names = (rows: PortfolioRow[]) => rows.map((item) => item.propertyName);

describe('sortPortfolioRows', () => {
  const rows = [
    row('Eken 1', { maintenanceDebtPerM2: 500, firstShortfallYear: 2031 }),
    row('Ängen 2', { maintenanceDebtPerM2: null }),
    row('Aspen 3', { maintenanceDebtPerM2: 1240 }),
    row('Björken 4', { maintenanceDebtPerM2: 0, firstShortfallYear: 2029 }),
  ];

  it('orders numbers both ways, with figures that cannot be computed last either way', () => {
    expect(names(sortPortfolioRows(rows, { column: 'maintenanceDebtPerM2', direction: 'ascending' }, collator))).toEqual([
      'Björken 4',
      'Eken 1',
      'Aspen 3',
      'Ängen 2',
    ]);
    expect(names(sortPortfolioRows(rows, { column: 'maintenanceDebtPerM2', direction: 'descending' }, collator))).toEqual([
      'Aspen 3',
      'Eken 1',
      'Björken 4',
      'Ängen 2',
    ]);
    expect(names(sortPortfolioRows(rows, { column: 'firstShortfallYear', direction: 'ascending' }, collator))).toEqual([
      'Björken 4',
      'Eken 1',
      'Ängen 2',
      'Aspen 3',
    ]);
  });

  it('orders names by the language (Ä after the rest in Swedish), and keeps ties in the given order', () => {
    expect(names(sortPortfolioRows(rows, { column: 'propertyName', direction: 'ascending' }, collator))).toEqual(['Aspen 3', 'Björken 4', 'Eken 1', 'Ängen 2']);
    expect(names(sortPortfolioRows(rows, { column: 'areaM2', direction: 'descending' }, collator))).toEqual(names(rows));
  });
});

describe('nextSort', () => {
  it('turns the same column round and starts another ascending', () => {
    expect(nextSort({ column: 'areaM2', direction: 'ascending' }, 'areaM2')).toEqual({ column: 'areaM2', direction: 'descending' });
    expect(nextSort({ column: 'areaM2', direction: 'descending' }, 'areaM2')).toEqual({ column: 'areaM2', direction: 'ascending' });
    expect(nextSort({ column: 'areaM2', direction: 'descending' }, 'nextYearCost')).toEqual({ column: 'nextYearCost', direction: 'ascending' });
  });
});

describe('isShortOfFunds', () => {
  it('is a shortfall year or a required provision above the current one', () => {
    expect(isShortOfFunds(row('a'))).toBe(false);
    expect(isShortOfFunds(row('a', { firstShortfallYear: 2030 }))).toBe(true);
    expect(isShortOfFunds(row('a', { requiredProvisionPerYear: 100_000.01 }))).toBe(true);
    expect(isShortOfFunds(row('a', { requiredProvisionPerYear: null }))).toBe(false);
  });
});

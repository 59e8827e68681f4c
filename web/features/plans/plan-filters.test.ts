import { describe, expect, it } from 'vitest';
import {
  hasActiveFilters,
  isYearInRange,
  matchesActionFilters,
  noFilters,
  parsePlanFilters,
  tagsOfActions,
  writePlanFilters,
  type PlanFilters,
} from './plan-filters.ts';
import { testAction } from './plan-filters-fixtures.ts';

describe('parsePlanFilters and writePlanFilters', () => {
  it('read every filter from the URL and write it back the same', () => {
    const params = new URLSearchParams('from=2027&to=2030&category=fasad&building=b1&location=none&status=urgent&tag=P-12&investment=only&tab=x');
    const filters = parsePlanFilters(params);
    expect(filters).toEqual({
      fromYear: 2027,
      toYear: 2030,
      category: 'fasad',
      building: 'b1',
      location: 'none',
      status: 'urgent',
      tag: 'P-12',
      investment: 'only',
    });
    expect(writePlanFilters(new URLSearchParams('tab=x'), filters).toString()).toBe(
      'tab=x&from=2027&to=2030&category=fasad&building=b1&location=none&status=urgent&tag=P-12&investment=only',
    );
  });

  it('ignore values a hand-edited URL may carry', () => {
    const filters = parsePlanFilters(new URLSearchParams('from=20x7&to=99999&category=roof&status=gone&tag=&investment=maybe'));
    expect(filters).toEqual(noFilters);
  });

  it('remove cleared filters and keep other parameters', () => {
    const written = writePlanFilters(new URLSearchParams('from=2027&category=el&other=1'), noFilters);
    expect(written.toString()).toBe('other=1');
  });
});

describe('hasActiveFilters', () => {
  it('is false for no filters and true for any one of them', () => {
    expect(hasActiveFilters(noFilters)).toBe(false);
    expect(hasActiveFilters({ ...noFilters, toYear: 2030 })).toBe(true);
    expect(hasActiveFilters({ ...noFilters, investment: 'exclude' })).toBe(true);
  });
});

describe('matchesActionFilters', () => {
  const action = testAction({
    category: 'fasad',
    buildingId: 'b1',
    locationId: null,
    status: 'draft',
    tags: ['P-12', 'konto 4110'],
    isInvestment: true,
  });
  const cases: [Partial<PlanFilters>, boolean][] = [
    [{}, true],
    [{ category: 'fasad' }, true],
    [{ category: 'el' }, false],
    [{ building: 'b1' }, true],
    [{ building: 'b2' }, false],
    [{ building: 'none' }, false],
    [{ location: 'none' }, true],
    [{ location: 'l1' }, false],
    [{ status: 'draft' }, true],
    [{ status: 'planned' }, false],
    [{ tag: 'konto 4110' }, true],
    [{ tag: 'P-1' }, false],
    [{ investment: 'only' }, true],
    [{ investment: 'exclude' }, false],
    [{ category: 'fasad', building: 'b1', tag: 'P-12', investment: 'only' }, true],
  ];
  it.each(cases)('%j → %s', (filters, expected) => {
    expect(matchesActionFilters(action, { ...noFilters, ...filters })).toBe(expected);
  });

  it('excludes investments and keeps the rest with "no investments"', () => {
    expect(matchesActionFilters(testAction({ isInvestment: false }), { ...noFilters, investment: 'exclude' })).toBe(true);
    expect(matchesActionFilters(testAction({ isInvestment: false }), { ...noFilters, investment: 'only' })).toBe(false);
  });
});

describe('isYearInRange', () => {
  it('includes both ends and leaves an open end open', () => {
    const range = { ...noFilters, fromYear: 2027, toYear: 2029 };
    expect([2026, 2027, 2029, 2030].map((year) => isYearInRange(year, range))).toEqual([false, true, true, false]);
    expect(isYearInRange(1900, { ...noFilters, toYear: 2027 })).toBe(true);
    expect(isYearInRange(2200, { ...noFilters, fromYear: 2027 })).toBe(true);
  });
});

describe('tagsOfActions', () => {
  it('lists each tag once in Swedish order', () => {
    const actions = [testAction({ tags: ['Öst', 'B'] }), testAction({ tags: ['Ärende', 'a', 'B'] })];
    expect(tagsOfActions(actions)).toEqual(['a', 'B', 'Ärende', 'Öst']);
  });
});

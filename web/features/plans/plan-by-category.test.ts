import { describe, expect, it } from 'vitest';
import { roundToOre, sumExactly } from '../../../shared/cost-model/index.ts';
import { groupByCategory, type PartNames } from './plan-by-category.ts';
import { testAction, testOccurrence } from './plan-filters-fixtures.ts';
import { noFilters } from './plan-filters.ts';

const names: PartNames = {
  buildings: new Map([
    ['house-a', 'Hus A'],
    ['house-b', 'Hus B'],
  ]),
  locations: new Map([
    ['laundry', 'Tvättstuga'],
    ['stairs', 'Trapphus 2'],
  ]),
};
const painting = testAction({ id: 'painting', category: 'fasad', intervalYears: 8, buildingId: 'house-b', locationId: 'stairs' });
const render = testAction({ id: 'render', category: 'fasad', buildingId: 'house-a', locationId: 'stairs' });
const doors = testAction({ id: 'doors', category: 'fasad' });
const dryer = testAction({ id: 'dryer', category: 'el', locationId: 'laundry', status: 'done' });
const roof = testAction({ id: 'roof', category: 'yttertak', year: 2022 });
const actions = [roof, painting, render, doors, dryer];
const occurrences = [
  testOccurrence({ actionId: 'roof', year: 2026, overdue: true, cost: 500 }),
  testOccurrence({ actionId: 'painting', year: 2027, cost: 110_000.1 }),
  testOccurrence({ actionId: 'render', year: 2030, cost: 80_000 }),
  testOccurrence({ actionId: 'painting', year: 2035, cost: 110_000.2 }),
  testOccurrence({ actionId: 'doors', year: 2040, cost: 9_000 }),
];

describe('groupByCategory', () => {
  it('shows each action once, by category in display order, then location and building', () => {
    const byCategory = groupByCategory(actions, occurrences, noFilters, names);
    expect(
      byCategory.categories.map((group) => ({
        category: group.category,
        total: group.total,
        actionCount: group.actionCount,
        places: group.places.map((place) => [place.key, place.total, place.entries.map((entry) => entry.action.id)]),
      })),
    ).toEqual([
      {
        category: 'fasad',
        total: 309_000.3,
        actionCount: 3,
        places: [
          ['stairs/house-a', 80_000, ['render']],
          ['stairs/house-b', 220_000.3, ['painting']],
          ['none/none', 9_000, ['doors']],
        ],
      },
      { category: 'yttertak', total: 500, actionCount: 1, places: [['none/none', 500, ['roof']]] },
      { category: 'el', total: 0, actionCount: 1, places: [['laundry/none', 0, ['dryer']]] },
    ]);
    expect(byCategory.total).toBe(309_500.3);
  });

  it('gives the next year, the cost per occurrence and the overdue mark of the first occurrence', () => {
    const entries = groupByCategory(actions, occurrences, noFilters, names).categories.flatMap((group) => group.places.flatMap((place) => place.entries));
    const byId = Object.fromEntries(entries.map((entry) => [entry.action.id, entry]));
    expect(byId.painting).toMatchObject({ nextYear: 2027, costPerOccurrence: 110_000.1, total: 220_000.3, isOverdue: false });
    expect(byId.roof).toMatchObject({ nextYear: 2026, costPerOccurrence: 500, total: 500, isOverdue: true });
    // A done one-off action has no occurrence left, but is still part of the plan.
    expect(byId.dryer).toMatchObject({ nextYear: null, costPerOccurrence: null, total: 0 });
  });

  it('counts only occurrences in the year range and hides actions without one', () => {
    const byCategory = groupByCategory(actions, occurrences, { ...noFilters, fromYear: 2030, toYear: 2035 }, names);
    expect(byCategory.actionIds).toEqual(['painting', 'render']);
    const painting = byCategory.categories[0]?.places.find((place) => place.key === 'stairs/house-b')?.entries[0];
    expect(painting).toMatchObject({ nextYear: 2035, costPerOccurrence: 110_000.2, total: 110_000.2 });
    expect(byCategory.total).toBe(190_000.2);
  });

  it('applies the action filters', () => {
    const byCategory = groupByCategory(actions, occurrences, { ...noFilters, location: 'none' }, names);
    expect(byCategory.actionIds).toEqual(['roof', 'doors']);
  });

  it('sums the unrounded costs at every level, so a total is the rounded exact sum, not the rounded parts added up', () => {
    // Each occurrence costs 0.335 kr (0,34 kr shown): painting twice, render and doors once each.
    const thirds = [
      testOccurrence({ actionId: 'painting', year: 2027, cost: 0.335 }),
      testOccurrence({ actionId: 'render', year: 2030, cost: 0.335 }),
      testOccurrence({ actionId: 'painting', year: 2035, cost: 0.335 }),
      testOccurrence({ actionId: 'doors', year: 2040, cost: 0.335 }),
    ];
    const byCategory = groupByCategory(actions, thirds, noFilters, names);
    const facade = byCategory.categories.find((group) => group.category === 'fasad');
    expect(facade?.places.map((place) => roundToOre(place.total))).toEqual([0.34, 0.67, 0.34]);
    // 4 × 0.335 = 1.34, where 0,34 + 0,67 + 0,34 would be 1,35.
    expect(roundToOre(facade?.total ?? Number.NaN)).toBe(1.34);
    expect(facade?.total).toBe(sumExactly(thirds.map((occurrence) => occurrence.cost)));
    expect(byCategory.total).toBe(facade?.total);
  });
});

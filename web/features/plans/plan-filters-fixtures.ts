import type { CostedOccurrence } from '../../../shared/cost-model/index.ts';
import type { Action } from '../../../shared/schemas/action.ts';

/** An action as the API answers, for the plan views' unit tests; override what a test is about. */
export function testAction(overrides: Partial<Action> = {}): Action {
  return {
    id: 'a1',
    accountId: 'acc',
    planId: 'plan',
    propertyId: 'prop',
    name: 'Byte av takpapp',
    category: 'yttertak',
    buildingId: null,
    locationId: null,
    quantity: 1,
    unit: 'st',
    unitPrice: 1000,
    year: 2027,
    intervalYears: null,
    status: 'planned',
    baseYear: null,
    isInvestment: false,
    tags: [],
    note: '',
    libraryItemId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An occurrence as the cost model gives it, its cost unrounded. */
export function testOccurrence(overrides: Partial<CostedOccurrence> = {}): CostedOccurrence {
  return { actionId: 'a1', year: 2027, k: 0, status: 'planned', overdue: false, cost: 1000, ...overrides };
}

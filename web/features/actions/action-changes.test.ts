import { describe, expect, it } from 'vitest';
import type { Action } from '../../../shared/schemas/action.ts';
import { changedActionFields } from './action-changes.ts';
import type { ActionFormValues } from './action-form-schema.ts';

const action: Action = {
  id: 'a0a0a0a0-0000-4000-8000-000000000001',
  accountId: 'a0a0a0a0-0000-4000-8000-000000000002',
  planId: 'a0a0a0a0-0000-4000-8000-000000000003',
  propertyId: 'a0a0a0a0-0000-4000-8000-000000000004',
  name: 'Målning fönster',
  category: 'fasad',
  buildingId: 'a0a0a0a0-0000-4000-8000-000000000005',
  locationId: null,
  quantity: 40,
  unit: 'st',
  unitPrice: 2500,
  year: 2027,
  intervalYears: 8,
  status: 'planned',
  baseYear: null,
  isInvestment: false,
  tags: ['P-1', 'P-2'],
  note: 'Kulör NCS S 0502-Y',
  libraryItemId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const unchanged: ActionFormValues = {
  name: action.name,
  category: action.category,
  buildingId: action.buildingId,
  locationId: action.locationId,
  quantity: action.quantity,
  unit: action.unit,
  unitPrice: action.unitPrice,
  year: action.year,
  intervalYears: action.intervalYears,
  status: action.status,
  baseYear: action.baseYear,
  isInvestment: action.isInvestment,
  tags: ['P-1', 'P-2'],
  note: action.note,
  libraryItemId: null,
};

describe('changedActionFields', () => {
  it('is empty when nothing changed (tags compared by value)', () => {
    expect(changedActionFields(action, unchanged)).toEqual({});
  });

  it('holds exactly the changed fields, with null clearing', () => {
    expect(changedActionFields(action, { ...unchanged, unitPrice: 2750.5, buildingId: null, intervalYears: null, tags: ['P-2', 'P-1'] })).toEqual({
      unitPrice: 2750.5,
      buildingId: null,
      intervalYears: null,
      tags: ['P-2', 'P-1'],
    });
  });

  it('notices a set base year, a removed tag and a new status', () => {
    expect(changedActionFields(action, { ...unchanged, baseYear: 2026, tags: ['P-1'], status: 'urgent' })).toEqual({
      baseYear: 2026,
      tags: ['P-1'],
      status: 'urgent',
    });
  });

  it('keeps the library link when the price is changed by hand, and sends null when the link is removed', () => {
    const libraryItemId = 'a0a0a0a0-0000-4000-8000-000000000006';
    const linked = { ...action, libraryItemId };
    expect(changedActionFields(linked, { ...unchanged, libraryItemId, unitPrice: 2750 })).toEqual({ unitPrice: 2750 });
    expect(changedActionFields(linked, unchanged)).toEqual({ libraryItemId: null });
    expect(changedActionFields(action, { ...unchanged, libraryItemId })).toEqual({ libraryItemId });
  });
});

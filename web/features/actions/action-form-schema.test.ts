import { describe, expect, it } from 'vitest';
import { issuesToFieldCodes } from '../../../shared/validation-issues.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import { actionFormDefaultsOf, actionFormSchema, newActionDefaults } from './action-form-schema.ts';

const buildingId = '3f1c2f64-4a4e-4d5b-9a57-9f0a5c1d2e3f';

/** What FormData gives for a filled-in recurring action, Swedish style. */
const filled = {
  name: '  Målning fönster ',
  category: 'fasad',
  buildingId,
  locationId: '',
  quantity: '1 234,5',
  unit: 'm2',
  unitPrice: '2 500,50',
  year: '2027',
  isRecurring: 'on',
  intervalYears: '8',
  status: 'planned',
  baseYear: '',
  tags: '["P-104","konto 4610"]',
  note: ' Kulör enligt 2019 ',
};

describe('actionFormSchema', () => {
  it('turns Swedish numbers, blanks and checkboxes into a create request', () => {
    expect(actionFormSchema.parse(filled)).toEqual({
      name: 'Målning fönster',
      category: 'fasad',
      buildingId,
      locationId: null,
      quantity: 1234.5,
      unit: 'm2',
      unitPrice: 2500.5,
      year: 2027,
      intervalYears: 8,
      status: 'planned',
      baseYear: null,
      isInvestment: false,
      tags: ['P-104', 'konto 4610'],
      note: 'Kulör enligt 2019',
      libraryItemId: null,
    });
  });

  it('links the library item picked (its id in the hidden field)', () => {
    const libraryItemId = '6f1c2a40-3b7e-4d2a-9c41-0a8e7b6d5c4f';
    expect(actionFormSchema.parse({ ...filled, libraryItemId }).libraryItemId).toBe(libraryItemId);
    expect(actionFormSchema.parse({ ...filled, libraryItemId: '' }).libraryItemId).toBeNull();
  });

  it('drops the interval of a one-off action and reads the base year', () => {
    const { isRecurring: _, ...oneOff } = filled;
    const parsed = actionFormSchema.parse({ ...oneOff, baseYear: '2 025', isInvestment: 'on' });
    expect(parsed.intervalYears).toBeNull();
    expect(parsed.baseYear).toBe(2025);
    expect(parsed.isInvestment).toBe(true);
  });

  it('gives every missing field its shared message code', () => {
    const result = actionFormSchema.safeParse({
      name: ' ',
      category: '',
      quantity: '',
      unit: '',
      unitPrice: '',
      year: '',
      isRecurring: 'on',
      intervalYears: '',
      status: '',
      baseYear: '',
      tags: '',
    });
    expect(issuesToFieldCodes(result.error?.issues ?? [])).toEqual({
      name: 'field.required',
      category: 'field.required',
      quantity: 'field.required',
      unit: 'field.required',
      unitPrice: 'field.required',
      year: 'field.required',
      intervalYears: 'field.required',
      status: 'field.required',
    });
  });

  it('reports wrong values with the API rules', () => {
    const result = actionFormSchema.safeParse({
      ...filled,
      quantity: 'tio',
      unitPrice: '10,005',
      year: '1800',
      intervalYears: '0',
      baseYear: '2 0 3 x',
      tags: '["' + 'x'.repeat(41) + '"]',
    });
    expect(issuesToFieldCodes(result.error?.issues ?? [])).toEqual({
      quantity: 'number.invalid',
      unitPrice: 'number.too_many_decimals',
      year: 'year.out_of_range',
      intervalYears: 'interval.out_of_range',
      baseYear: 'number.invalid',
      'tags.0': 'tag.too_long',
    });
  });
});

describe('form defaults', () => {
  it('start a new action in the plan start year, planned, carrying category and places', () => {
    expect(newActionDefaults(2026, { category: 'yttertak', buildingId })).toMatchObject({
      category: 'yttertak',
      buildingId,
      locationId: '',
      year: '2026',
      status: 'planned',
      unit: 'st',
      isRecurring: false,
    });
  });

  it('show an action in the form so that it parses back to the same values', () => {
    const values = {
      name: 'Byte av takpapp',
      category: 'yttertak',
      buildingId: null,
      locationId: null,
      quantity: 420.5,
      unit: 'm2',
      unitPrice: 1234.56,
      year: 2031,
      intervalYears: null,
      status: 'urgent',
      baseYear: 2024,
      isInvestment: true,
      tags: ['P-7'],
      note: '',
      libraryItemId: null,
    } as const satisfies Partial<Action>;
    const action: Action = {
      ...values,
      id: 'a0a0a0a0-0000-4000-8000-000000000001',
      accountId: 'a0a0a0a0-0000-4000-8000-000000000002',
      planId: 'a0a0a0a0-0000-4000-8000-000000000003',
      propertyId: 'a0a0a0a0-0000-4000-8000-000000000004',
      tags: [...values.tags],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const defaults = actionFormDefaultsOf(action, ',');
    expect(defaults.quantity).toBe('420,5');
    expect(defaults.unitPrice).toBe('1234,56');
    const formData = {
      ...defaults,
      isRecurring: undefined,
      isInvestment: defaults.isInvestment ? 'on' : undefined,
      tags: JSON.stringify(defaults.tags),
    };
    expect(actionFormSchema.parse(formData)).toEqual(values);
  });
});

import { describe, expect, it } from 'vitest';
import { issuesToFieldCodes } from '../../../shared/validation-issues.ts';
import { canBeCompleted, completeActionFormSchema, dueYearOf, outcomeOfCompletion } from './complete-action-form-schema.ts';

describe('completeActionFormSchema', () => {
  it('reads a Swedish amount and leaves a blank cost as null', () => {
    expect(completeActionFormSchema.parse({ year: '2027', actualCost: '118 250,75', note: ' Målat av Färg AB ' })).toEqual({
      year: 2027,
      actualCost: 118250.75,
      note: 'Målat av Färg AB',
    });
    expect(completeActionFormSchema.parse({ year: '2027', actualCost: ' ', note: '' })).toEqual({ year: 2027, actualCost: null, note: '' });
  });

  it('gives the shared message codes', () => {
    const result = completeActionFormSchema.safeParse({ year: '', actualCost: '12 kr', note: '' });
    expect(issuesToFieldCodes(result.error?.issues ?? [])).toEqual({ year: 'field.required', actualCost: 'number.invalid' });
  });
});

describe('completion rules', () => {
  it('default to the due year, and move a recurring action on by its interval', () => {
    expect(dueYearOf({ year: 2027, intervalYears: 8, status: 'planned' })).toBe(2027);
    expect(dueYearOf({ year: 2027, intervalYears: 8, status: 'done' })).toBe(2035);
    expect(outcomeOfCompletion({ intervalYears: 8 }, 2028)).toEqual({ status: 'planned', year: 2036 });
    expect(outcomeOfCompletion({ intervalYears: null }, 2028)).toEqual({ status: 'done', year: 2028 });
  });

  it('leave nothing to complete on a done one-off action', () => {
    expect(canBeCompleted({ intervalYears: null, status: 'done' })).toBe(false);
    expect(canBeCompleted({ intervalYears: null, status: 'urgent' })).toBe(true);
    expect(canBeCompleted({ intervalYears: 8, status: 'done' })).toBe(true);
  });
});

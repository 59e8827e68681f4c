import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../lib/i18n/translate.ts';
import { countActions, describePlace } from './action-row-labels.ts';
import { planViewsMessages } from './plan-views.messages.ts';

const sv = createTranslator(planViewsMessages.sv);
const en = createTranslator(planViewsMessages.en);

describe('describePlace', () => {
  it('names location and building, and says which is missing', () => {
    expect(describePlace('Tvättstuga', 'Hus A', sv)).toBe('Tvättstuga · Hus A');
    expect(describePlace(null, 'Hus A', sv)).toBe('Utan läge · Hus A');
    expect(describePlace('Tvättstuga', null, en)).toBe('Tvättstuga · no building');
    expect(describePlace(null, null, en)).toBe('No location or building');
  });
});

describe('countActions', () => {
  it('has a singular', () => {
    expect([countActions(1, sv, 'sv'), countActions(1200, sv, 'sv'), countActions(1, en, 'en'), countActions(1200, en, 'en')]).toEqual([
      '1 åtgärd',
      '1\u00a0200 åtgärder',
      '1 action',
      '1,200 actions',
    ]);
  });
});

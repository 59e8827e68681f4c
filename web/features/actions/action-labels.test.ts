import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../lib/i18n/translate.ts';
import { categoryName, intervalText, statusName } from './action-labels.ts';
import { actionsMessages } from './actions.messages.ts';

describe('action labels', () => {
  it('write intervals in words in both languages', () => {
    const sv = createTranslator(actionsMessages.sv);
    const en = createTranslator(actionsMessages.en);
    expect([null, 1, 2, 3, 8, 11, 12, 21, 22, 25, 100, 101].map((interval) => intervalText(interval, sv))).toEqual([
      'engångsåtgärd',
      'varje år',
      'vartannat år',
      'vart 3:e år',
      'vart 8:e år',
      'vart 11:e år',
      'vart 12:e år',
      'vart 21:a år',
      'vart 22:a år',
      'vart 25:e år',
      'vart 100:e år',
      'vart 101:a år',
    ]);
    expect([null, 1, 2, 8].map((interval) => intervalText(interval, en))).toEqual(['one-off', 'every year', 'every other year', 'every 8 years']);
  });

  it('name categories and statuses from the shared lists', () => {
    expect(categoryName('varme-kyla', 'sv')).toBe('Värme och kyla');
    expect(categoryName('transport', 'en')).toBe('Lifts');
    expect(statusName('deferred', 'sv')).toBe('Eftersatt');
    expect(statusName('done', 'en')).toBe('Done');
  });
});

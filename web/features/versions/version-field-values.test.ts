import { describe, expect, it } from 'vitest';
import { createTranslator, type Translate } from '../../lib/i18n/translate.ts';
import { formatFieldValue } from './version-field-values.ts';
import { versionsMessages } from './versions.messages.ts';

const partNames = new Map([['b1', 'Hus A']]);
const sv = { t: createTranslator(versionsMessages.sv) as Translate, language: 'sv' as const, partNames };
const en = { t: createTranslator(versionsMessages.en) as Translate, language: 'en' as const, partNames };
const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

describe('a changed field as people read it', () => {
  it('names categories, statuses, buildings and intervals, and writes money in kronor', () => {
    expect(formatFieldValue('category', 'yttertak', sv)).toBe('Yttertak');
    expect(formatFieldValue('status', 'urgent', en)).toBe('Urgent');
    expect(formatFieldValue('buildingId', 'b1', sv)).toBe('Hus A');
    expect(formatFieldValue('buildingId', 'gone', sv)).toBe('Borttagen');
    expect(formatFieldValue('buildingId', null, sv)).toBe('–');
    expect(formatFieldValue('intervalYears', 8, sv)).toBe('Vart 8:e år');
    expect(formatFieldValue('intervalYears', null, en)).toBe('One-off');
    expect(formatFieldValue('baseYear', null, sv)).toBe('Planens basår');
    expect(formatFieldValue('unitPrice', 640.5, sv)).toBe(nbsp('640,50 kr'));
    expect(formatFieldValue('quantity', 40.125, sv)).toBe('40,125');
    expect(formatFieldValue('isInvestment', true, sv)).toBe('Ja');
    expect(formatFieldValue('tags', ['K1', 'K2'], sv)).toBe('K1, K2');
    expect(formatFieldValue('tags', [], sv)).toBe('–');
    expect(formatFieldValue('note', '', en)).toBe('–');
    expect(formatFieldValue('year', 2028, en)).toBe('2028');
  });
});

import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/i18n/language.ts';
import { createTranslator } from '../../lib/i18n/translate.ts';
import { describeChange, describeEntryChanges, type ChangeWords } from './describe-change.ts';
import { describePerson } from './describe-person.ts';
import { historyFilterOptions } from './history-fields.ts';
import { historyMessages } from './history.messages.ts';

/** The forms' labels as the app's catalogue has them, in Swedish, without their units. */
const swedishLabels: Record<string, string> = {
  'actions.field.name': 'Benämning',
  'actions.field.category': 'Kategori',
  'actions.field.status': 'Status',
  'actions.field.building': 'Byggnad',
  'actions.field.location': 'Läge',
  'actions.field.quantity': 'Mängd',
  'actions.field.unit': 'Enhet',
  'actions.field.unit_price': 'À-pris',
  'actions.field.year': 'År',
  'actions.field.base_year': 'Basår',
  'actions.field.interval': 'Intervall',
  'actions.field.investment': 'Investering',
  'actions.field.tags': 'Taggar',
  'actions.field.note': 'Anteckning',
  'plans.field.name': 'Planens namn',
  'plans.field.client_cost_percent': 'Byggherrekostnad',
  'plans.indexation.enabled': 'Indexera kostnaderna',
  'plans.fund.opening_balance': 'Fondens saldo vid start',
};

const buildings = [{ id: 'b1', name: 'Hus A' }];
const locations = [{ id: 'l1', name: 'Trapphus 1' }];

function wordsIn(language: Language, overrides: Partial<ChangeWords> = {}): ChangeWords {
  return {
    language,
    t: createTranslator(historyMessages[language]),
    labelOf: (field) => swedishLabels[field.label] ?? field.label,
    buildings,
    locations,
    loadingText: 'Laddar…',
    ...overrides,
  };
}

const sv = wordsIn('sv');
const en = wordsIn('en');

describe('describeChange', () => {
  it('formats amounts side by side with the same decimals', () => {
    expect(describeChange('unitPrice', { from: 640.5, to: 700 }, false, sv)).toBe('À-pris: 640,50\u00a0kr → 700,00\u00a0kr');
    expect(describeChange('unitPrice', { from: 640, to: 700 }, false, sv)).toBe('À-pris: 640\u00a0kr → 700\u00a0kr');
    expect(describeChange('unitPrice', { from: 640.5, to: 700 }, false, en)).toBe('À-pris: SEK\u00a0640.50 → SEK\u00a0700.00');
    expect(describeChange('fund.openingBalance', { from: 0, to: 125000 }, true, sv)).toBe('Fondens saldo vid start: 0\u00a0kr → 125\u00a0000\u00a0kr');
  });

  it('names categories, statuses, buildings and locations, and says when a building is gone', () => {
    expect(describeChange('category', { from: 'yttertak', to: 'fasad' }, false, sv)).toBe('Kategori: Yttertak → Fasad');
    expect(describeChange('category', { from: 'yttertak', to: 'fasad' }, false, en)).toBe('Kategori: Roof → Facade');
    expect(describeChange('status', { from: 'planned', to: 'done' }, false, sv)).toBe('Status: Planerad → Genomförd');
    expect(describeChange('buildingId', { from: 'b1', to: null }, false, sv)).toBe('Byggnad: Hus A → –');
    expect(describeChange('buildingId', { from: 'gone', to: 'b1' }, false, sv)).toBe('Byggnad: borttagen byggnad → Hus A');
    expect(describeChange('locationId', { from: null, to: 'gone' }, false, en)).toBe('Läge: – → removed location');
    expect(describeChange('buildingId', { from: null, to: 'b1' }, false, wordsIn('sv', { buildings: undefined }))).toBe('Byggnad: – → Laddar…');
  });

  it('reads years, durations, booleans, tags, percentages and empty texts', () => {
    expect(describeChange('year', { from: 2031, to: 2033 }, false, sv)).toBe('År: 2031 → 2033');
    expect(describeChange('intervalYears', { from: null, to: 1 }, false, sv)).toBe('Intervall: – → 1 år');
    expect(describeChange('intervalYears', { from: 1, to: 30 }, false, en)).toBe('Intervall: 1 year → 30 years');
    expect(describeChange('isInvestment', { from: false, to: true }, false, sv)).toBe('Investering: Nej → Ja');
    expect(describeChange('indexation.enabled', { from: true, to: false }, true, en)).toBe('Indexera kostnaderna: Yes → No');
    expect(describeChange('tags', { from: [], to: ['P-1', 'Akut'] }, false, sv)).toBe('Taggar: – → P-1, Akut');
    expect(describeChange('clientCostPercent', { from: 10, to: 12.5 }, true, sv)).toBe('Byggherrekostnad: 10 % → 12,5 %');
    expect(describeChange('note', { from: '', to: 'Ny offert' }, false, sv)).toBe('Anteckning: – → Ny offert');
    expect(describeChange('quantity', { from: 450, to: 1234.5 }, false, sv)).toBe('Mängd: 450 → 1\u00a0234,5');
  });

  it('labels a plan’s name and an action’s name apart, and shows a field it does not know as it is', () => {
    expect(describeChange('name', { from: 'Plan', to: 'Underhållsplan' }, true, sv)).toBe('Planens namn: Plan → Underhållsplan');
    expect(describeChange('name', { from: 'Tak', to: 'Byte av tak' }, false, sv)).toBe('Benämning: Tak → Byte av tak');
    expect(describeChange('colour', { from: null, to: { hue: 3 } }, false, sv)).toBe('colour: – → {"hue":3}');
  });
});

describe('describeEntryChanges', () => {
  // In the order PostgreSQL's jsonb keeps the keys (shortest first), not the API's.
  const creation = {
    name: { from: null, to: 'Byte av takpapp' },
    note: { from: null, to: '' },
    tags: { from: null, to: ['P-1'] },
    unit: { from: null, to: 'm2' },
    year: { from: null, to: 2031 },
    status: { from: null, to: 'planned' },
    baseYear: { from: null, to: null },
    category: { from: null, to: 'yttertak' },
    quantity: { from: null, to: 450 },
    unitPrice: { from: null, to: 640.5 },
    buildingId: { from: null, to: 'b1' },
    locationId: { from: null, to: null },
    isInvestment: { from: null, to: false },
    intervalYears: { from: null, to: 30 },
  };

  it('sums a creation up in one line of the fields that hold something', () => {
    expect(describeEntryChanges('created', creation, false, sv)).toEqual([
      'Kategori: Yttertak · Byggnad: Hus A · Mängd: 450 · Enhet: m2 · À-pris: 640,50\u00a0kr · År: 2031 · Intervall: 30 år · Status: Planerad · Taggar: P-1',
    ]);
  });

  it('sums a deletion up by what the action held, and a restore that recreated it by what it holds again', () => {
    const deletion = Object.fromEntries(Object.entries(creation).map(([field, change]) => [field, { from: change.to, to: null }]));
    expect(describeEntryChanges('deleted', deletion, false, en)).toEqual([
      'Kategori: Roof · Byggnad: Hus A · Mängd: 450 · Enhet: m2 · À-pris: SEK\u00a0640.50 · År: 2031 · Intervall: 30 years · Status: Planned · Taggar: P-1',
    ]);
    expect(describeEntryChanges('restored', { year: { from: null, to: 2031 } }, false, sv)).toEqual(['År: 2031']);
  });

  it('lists each field of a change in a fixed order, a completion and a restore of some fields', () => {
    expect(describeEntryChanges('updated', { note: { from: '', to: 'Ny offert' }, unitPrice: { from: 640.5, to: 700 } }, false, sv)).toEqual([
      'À-pris: 640,50\u00a0kr → 700,00\u00a0kr',
      'Anteckning: – → Ny offert',
    ]);
    expect(describeEntryChanges('completed', { year: { from: 2031, to: 2061 } }, false, sv)).toEqual(['År: 2031 → 2061']);
    expect(describeEntryChanges('restored', { year: { from: 2033, to: 2031 } }, false, sv)).toEqual(['År: 2033 → 2031']);
  });
});

describe('describePerson', () => {
  const t = createTranslator(historyMessages.sv);
  it('says "Du" to the signed-in person, names others, and one phrase when no one is known', () => {
    expect(describePerson({ id: 'me', name: 'Anna' }, 'me', t)).toBe('Du');
    expect(describePerson({ id: 'other', name: 'Bertil' }, 'me', t)).toBe('Bertil');
    expect(describePerson(null, 'me', t)).toBe('En borttagen eller okänd användare');
    expect(describePerson(null, 'me', createTranslator(historyMessages.en))).toBe('A removed or unknown user');
  });
});

describe('historyFilterOptions', () => {
  it('offers every field once by its form label without the unit, the shared name labelled for both', () => {
    const formLabels = (key: string) => (key === 'actions.field.unit_price' ? 'À-pris (kr)' : (swedishLabels[key] ?? key));
    const options = historyFilterOptions(formLabels, 'Namn (åtgärd eller plan)');
    expect(options.map(({ value }) => value)).toEqual([
      'name',
      'category',
      'buildingId',
      'locationId',
      'quantity',
      'unit',
      'unitPrice',
      'year',
      'intervalYears',
      'status',
      'baseYear',
      'isInvestment',
      'tags',
      'note',
      'startYear',
      'lengthYears',
      'clientCostPercent',
      'vatPercent',
      'indexation.enabled',
      'indexation.annualRatePercent',
      'indexation.defaultBaseYear',
      'fund.openingBalance',
      'fund.currentProvisionPerYear',
      'fund.provisionGrowthPercent',
      'fund.interestRatePercent',
      'fund.minimumBalance',
    ]);
    expect(options.slice(0, 2)).toEqual([
      { value: 'name', label: 'Namn (åtgärd eller plan)' },
      { value: 'category', label: 'Kategori' },
    ]);
    expect(options.find(({ value }) => value === 'unitPrice')?.label).toBe('À-pris');
  });
});

import { describe, expect, it } from 'vitest';
import { planBuilder } from '../../../shared/cost-model/test-fixtures.ts';
import type { GeneratedDraft } from '../../../shared/schemas/library.ts';
import { summariseDrafts } from './draft-summary.ts';

const plan = planBuilder({ lengthYears: 10 });
const draft = (overrides: Partial<GeneratedDraft>): GeneratedDraft => ({
  componentId: '6f1c2f0e-3b0a-4c53-9d35-0d8f3f1b2a10',
  buildingId: null,
  libraryItemId: '0b7e7d36-52ad-4b9a-9f0b-7f4d9d4c1e22',
  name: 'Omläggning av tak',
  category: 'yttertak',
  quantity: 100,
  unitPrice: 800,
  unit: 'm2',
  baseYear: 2025,
  year: 2026,
  intervalYears: 40,
  ...overrides,
});

describe('summariseDrafts', () => {
  it('costs each draft’s first occurrence and sums every occurrence in the period, with client cost, indexation and VAT', () => {
    const summary = summariseDrafts(
      plan({ clientCostPercent: 10, indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: null } }),
      [draft({ year: 2028 }), draft({ quantity: 2, unitPrice: 5000, intervalYears: 4, year: 2026 })],
      'incl',
    );
    // 100 × 800 × 1.1 × 1.02^(2028 − 2025) × 1.25
    const roof = 100 * 800 * 1.1 * Math.pow(1.02, 3) * 1.25;
    // 2 × 5000 × 1.1 × 1.02^(y − 2025) × 1.25 in 2026, 2030 and 2034
    const every4 = [2026, 2030, 2034].map((year) => 2 * 5000 * 1.1 * Math.pow(1.02, year - 2025) * 1.25);
    expect(summary.drafts.map(({ firstYear, firstCost }) => ({ firstYear, firstCost }))).toEqual([
      { firstYear: 2028, firstCost: roof },
      { firstYear: 2026, firstCost: every4[0] },
    ]);
    expect(summary.total).toBeCloseTo(roof + every4.reduce((sum, cost) => sum + cost, 0), 6);
  });

  it('places an overdue draft in the start year and one due after the period nowhere', () => {
    const summary = summariseDrafts(plan(), [draft({ year: 2020 }), draft({ year: 2040 })], 'excl');
    expect(summary.drafts.map(({ firstYear, firstCost }) => ({ firstYear, firstCost }))).toEqual([
      { firstYear: 2026, firstCost: 80_000 },
      { firstYear: null, firstCost: 0 },
    ]);
    expect(summary.total).toBe(80_000);
  });
});

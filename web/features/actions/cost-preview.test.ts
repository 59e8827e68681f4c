import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { costPreviewOf } from './cost-preview.ts';

/**
 * docs/product/cost-model.md § Worked example: 2026–2055, client cost 10 %, indexation 2 % from
 * 2026, VAT 25 %.
 */
const plan: Plan = {
  id: 'a0a0a0a0-0000-4000-8000-000000000003',
  accountId: 'a0a0a0a0-0000-4000-8000-000000000002',
  propertyId: 'a0a0a0a0-0000-4000-8000-000000000004',
  name: 'Underhållsplan',
  startYear: 2026,
  lengthYears: 30,
  clientCostPercent: 10,
  vatPercent: 25,
  indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
  fund: { openingBalance: 0, currentProvisionPerYear: 0, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 0 },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('costPreviewOf', () => {
  it('gives the worked example: 110 000 at the 2026 price level, 112 200 in 2027', () => {
    const preview = costPreviewOf({ quantity: 40, unitPrice: 2500, year: 2027, baseYear: null }, plan, 'excl');
    expect(preview.priceLevelYear).toBe(2026);
    expect(preview.atPriceLevel).toBeCloseTo(110_000, 6);
    expect(preview.inYear).toBeCloseTo(112_200, 6);
  });

  it('adds the plan VAT when amounts are shown including VAT', () => {
    const preview = costPreviewOf({ quantity: 40, unitPrice: 2500, year: 2035, baseYear: null }, plan, 'incl');
    expect(preview.atPriceLevel).toBeCloseTo(137_500, 6);
    expect(preview.inYear).toBeCloseTo(131_460.18 * 1.25, 1);
  });

  it("uses the action's own base year, and no index when indexation is off", () => {
    expect(costPreviewOf({ quantity: 1, unitPrice: 1000, year: 2027, baseYear: 2025 }, plan, 'excl').inYear).toBeCloseTo(1100 * 1.02 ** 2, 9);
    const flat = costPreviewOf(
      { quantity: 1, unitPrice: 1000, year: 2040, baseYear: 2025 },
      { ...plan, indexation: { ...plan.indexation, enabled: false } },
      'excl',
    );
    expect(flat).toEqual({ atPriceLevel: 1100, priceLevelYear: null, inYear: 1100 });
  });
});

import { describe, expect, it } from 'vitest';
import { analyseFund } from '../../../shared/cost-model/index.ts';
import { actionBuilder, planBuilder } from '../../../shared/cost-model/test-fixtures.ts';
import { layOutBarLineChart } from './bar-line-layout.ts';
import { barChartFrame, plotBottom, plotRight } from './chart-frame.ts';
import { boxesOverlap, polylineCrossesBox } from './place-line-label.ts';

/**
 * The fund chart of docs/product/cost-model.md § Worked example (2026–2055, client cost 10 %,
 * indexation 2 %, a fund of 200 000 kr with 20 000 kr a year and a minimum of 50 000 kr, the window
 * painting every 8 years and the overdue roof felt): the balance dips under the minimum in 2027
 * and crosses it again and again, the provision runs flat below it.
 */
const plan = planBuilder({ lengthYears: 30 })({
  clientCostPercent: 10,
  indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
  fund: { openingBalance: 200_000, currentProvisionPerYear: 20_000, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 50_000 },
});
const action = actionBuilder({ year: 2027 });
const actions = [
  action({ id: 'windows', quantity: 40, unitPrice: 2500, intervalYears: 8 }),
  action({ id: 'roof', category: 'yttertak', quantity: 1, unitPrice: 80_000, year: 2022 }),
];

function fundChart(minimumLabel: string, shown: { balance: boolean; provision: boolean }) {
  const fund = analyseFund(plan, actions, { vat: 'excl' });
  return layOutBarLineChart({
    labels: fund.years.map((year) => String(year.year)),
    bars: fund.years.map((year) => year.cost),
    lines: [...(shown.balance ? [fund.years.map((year) => year.balance)] : []), ...(shown.provision ? [fund.years.map((year) => year.provision)] : [])],
    reference: { label: minimumLabel, value: plan.fund.minimumBalance },
  });
}

describe('the fund chart’s minimum label', () => {
  for (const label of ['Miniminivå 50 000 kr', 'Minimum SEK 50,000'])
    for (const shown of [
      { balance: true, provision: true },
      { balance: true, provision: false },
      { balance: false, provision: true },
    ]) {
      it(`crosses no line: "${label}", ${JSON.stringify(shown)}`, () => {
        const chart = fundChart(label, shown);
        const { box } = chart.reference!.label;
        for (const line of chart.lines) expect(polylineCrossesBox(line, box)).toBe(false);
        // Beside the minimum line, not on it, and inside the plot.
        const minimumY = chart.reference!.y;
        expect(box.y + box.height <= minimumY || box.y >= minimumY).toBe(true);
        expect(Math.min(Math.abs(box.y + box.height - minimumY), Math.abs(box.y - minimumY))).toBeLessThanOrEqual(10);
        expect(box.x).toBeGreaterThanOrEqual(barChartFrame.left);
        expect(box.x + box.width).toBeLessThanOrEqual(plotRight);
        expect(box.y).toBeGreaterThanOrEqual(barChartFrame.top);
        expect(box.y + box.height).toBeLessThanOrEqual(plotBottom);
      });
    }

  it('keeps clear of the bars too where there is room', () => {
    const chart = layOutBarLineChart({
      labels: ['2026', '2027', '2028', '2029', '2030', '2031'],
      bars: [0, 0, 0, 0, 90, 0],
      lines: [[20, 40, 60, 80, 100, 120]],
      reference: { label: 'Miniminivå 50 kr', value: 50 },
    });
    const { box } = chart.reference!.label;
    expect(polylineCrossesBox(chart.lines[0]!, box)).toBe(false);
    for (const bar of chart.bars) if (bar) expect(boxesOverlap(bar, box)).toBe(false);
  });

  it('keeps to the right end, above the line, where nothing is in the way', () => {
    const chart = layOutBarLineChart({ labels: ['2026', '2027'], bars: [10, 10], lines: [[100, 100]], reference: { label: 'Miniminivå 50 kr', value: 50 } });
    const label = chart.reference!.label;
    expect(label.anchor).toBe('end');
    expect(label.x).toBe(plotRight);
    expect(label.y).toBeLessThan(chart.reference!.y);
  });
});

import { useId } from 'react';
import { colourAt } from '../../../shared/chart-palette.ts';
import { StackedBarChart } from '../../components/charts/stacked-bar-chart.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useAmountFormat } from '../analysis/use-amount-format.ts';
import type { PortfolioRow } from './portfolio-sort.ts';

interface PortfolioChartsProps {
  rows: readonly PortfolioRow[];
  nextYear: number;
}

/**
 * Next year's cost and the maintenance debt per m² by property, as two bar charts side by side:
 * kronor and kronor per m² on one value axis would make either unreadable
 * (docs/decisions/0045-portfolio-dashboard.md). The table above holds the same figures.
 */
export function PortfolioCharts({ rows, nextYear }: PortfolioChartsProps) {
  const { t } = useTranslation();
  const format = useAmountFormat();
  const headingId = useId();
  const labels = rows.map((row) => row.propertyName);
  const charts = [
    {
      key: 'next-year',
      title: t('portfolio.chart.next_year', { year: nextYear }),
      values: rows.map((row) => row.nextYearCost),
      formatValue: format.amount,
      unitLabel: t('portfolio.chart.unit'),
    },
    {
      key: 'debt-per-m2',
      title: t('portfolio.chart.debt_per_m2'),
      // A property without an area has no figure per m², so it gets no bar.
      values: rows.map((row) => row.maintenanceDebtPerM2 ?? 0),
      formatValue: (value: number) => t('portfolio.per_m2', { amount: format.amount(value) }),
      unitLabel: t('portfolio.chart.unit_per_m2'),
    },
  ];

  return (
    <section className="analysis-section analysis-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('portfolio.chart.title')}</h2>
      <div className="portfolio-charts">
        {charts.map((chart, index) => {
          const highest = chart.values.reduce((best, value, position) => (value > (chart.values[best] ?? 0) ? position : best), 0);
          return (
            <figure key={chart.key} className="portfolio-charts__chart">
              <figcaption className="portfolio-charts__caption">{chart.title}</figcaption>
              <StackedBarChart
                title={chart.title}
                description={t('portfolio.chart.description', { name: labels[highest] ?? '', amount: chart.formatValue(chart.values[highest] ?? 0) })}
                labels={labels}
                series={[{ key: chart.key, label: chart.title, colour: colourAt(index), values: chart.values }]}
                formatTick={format.tick}
                formatValue={chart.formatValue}
                unitLabel={chart.unitLabel}
              />
            </figure>
          );
        })}
      </div>
    </section>
  );
}

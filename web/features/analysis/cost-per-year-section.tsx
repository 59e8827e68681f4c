import { categoryCodes, categoryNames, isCategoryCode } from '../../../shared/categories.ts';
import type { PlanAnalysis } from '../../../shared/cost-model/index.ts';
import { colourAt } from '../../../shared/chart-palette.ts';
import { StackedBarChart } from '../../components/charts/stacked-bar-chart.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { partsOf, peakYear } from './analysis-parts.ts';
import { ChartDataTable, ChartSection } from './chart-section.tsx';
import { useAmountFormat } from './use-amount-format.ts';
import { useHiddenKeys } from './use-hidden-keys.ts';

/** Cost per year stacked by category, with legend toggles, and the same figures as a table. */
export function CostPerYearSection({ analysis }: { analysis: PlanAnalysis }) {
  const { t, language } = useTranslation();
  const format = useAmountFormat();
  const { hiddenKeys, toggle } = useHiddenKeys();
  const title = t('analysis.chart.per_year');
  const labels = analysis.years.map((year) => String(year.year));
  // A category keeps its colour when others are hidden or unused: the colour follows the code.
  const series = partsOf(analysis.years, (year) => year.byCategory, categoryCodes, analysis.byCategory).map((part) => ({
    key: part.key,
    label: isCategoryCode(part.key) ? categoryNames[part.key][language] : part.key,
    colour: colourAt(Math.max(0, (categoryCodes as readonly string[]).indexOf(part.key))),
    values: part.perYear,
    total: part.total,
  }));
  const shown = series.filter((item) => !hiddenKeys.has(item.key));
  const peak = peakYear(analysis.years);

  return (
    <ChartSection title={title} explanation={t('analysis.chart.per_year_explained')} legendItems={series} hiddenKeys={hiddenKeys} onToggle={toggle}>
      {shown.length === 0 && <p className="analysis-card__hint">{t('analysis.all_hidden')}</p>}
      <StackedBarChart
        title={title}
        description={t('analysis.chart.per_year_description', {
          total: format.amount(analysis.total),
          start: analysis.window.startYear,
          end: analysis.window.endYear,
          year: peak?.year ?? analysis.window.startYear,
          amount: format.amount(peak?.total ?? 0),
        })}
        labels={labels}
        series={shown}
        formatTick={format.tick}
        formatValue={format.amount}
        unitLabel={t('analysis.unit')}
      />
      <ChartDataTable title={title}>
        <thead>
          <tr>
            <th scope="col">{t('analysis.column.year')}</th>
            {series.map((item) => (
              <th key={item.key} scope="col" className="analysis-table__amount">
                {item.label}
              </th>
            ))}
            <th scope="col" className="analysis-table__amount">
              {t('analysis.column.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {analysis.years.map((year, index) => (
            <tr key={year.year}>
              <th scope="row">{year.year}</th>
              {series.map((item) => (
                <td key={item.key} className="analysis-table__amount">
                  {format.amount(item.values[index] ?? 0)}
                </td>
              ))}
              <td className="analysis-table__amount">{format.amount(year.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('analysis.column.total')}</th>
            {series.map((item) => (
              <td key={item.key} className="analysis-table__amount">
                {format.amount(item.total)}
              </td>
            ))}
            <td className="analysis-table__amount">{format.amount(analysis.total)}</td>
          </tr>
        </tfoot>
      </ChartDataTable>
    </ChartSection>
  );
}

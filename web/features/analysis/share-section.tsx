import { useId } from 'react';
import { ExactSum } from '../../../shared/cost-model/index.ts';
import { ChartLegend } from '../../components/charts/chart-legend.tsx';
import { DonutChart } from '../../components/charts/donut-chart.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { largestPart } from './analysis-parts.ts';
import { ChartDataTable } from './chart-section.tsx';
import { Explanation } from './explanation.tsx';
import { useAmountFormat } from './use-amount-format.ts';
import { useHiddenKeys } from './use-hidden-keys.ts';

export interface SharePart {
  key: string;
  label: string;
  colour: string;
  /** The exact sum of the part's occurrences over the window. */
  sum: ExactSum;
}

/**
 * One split of the plan's total (by category, building or status) as a donut with legend toggles
 * and a table. Shares in the table are of every part; the ring shows only the parts switched on,
 * and its centre their exact sum (docs/product/cost-model.md § Sums), never the shown amounts added.
 */
export function ShareSection({ title, parts: partSums }: { title: string; parts: readonly SharePart[] }) {
  const { t } = useTranslation();
  const format = useAmountFormat();
  const headingId = useId();
  const { hiddenKeys, toggle } = useHiddenKeys();
  const parts = partSums.map((part) => ({ ...part, total: part.sum.value() }));
  const shown = parts.filter((part) => !hiddenKeys.has(part.key));
  const shownTotal = exactSumOf(shown);
  const total = exactSumOf(parts);
  const largest = largestPart(shown);

  return (
    <section className="analysis-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <ChartLegend label={t('analysis.legend_label', { chart: title })} items={parts} hiddenKeys={hiddenKeys} onToggle={toggle} />
      {parts.length > 0 && shown.length === 0 && <p className="analysis-card__hint">{t('analysis.all_hidden')}</p>}
      <DonutChart
        title={title}
        description={
          largest
            ? t('analysis.chart.share_description', {
                label: largest.label,
                amount: format.amount(largest.total),
                share: format.share(largest.total / shownTotal),
              })
            : t('analysis.chart.share_description_empty')
        }
        slices={shown.map((part) => ({ ...part, value: part.total }))}
        centre={{ caption: t('analysis.chart.centre_total'), value: format.amount(shownTotal) }}
        formatValue={format.amount}
      />
      <Explanation subject={title}>
        <p>{t('analysis.chart.share_explained')}</p>
      </Explanation>
      <ChartDataTable title={title}>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col" className="analysis-table__amount">
              {t('analysis.column.amount')}
            </th>
            <th scope="col" className="analysis-table__amount">
              {t('analysis.column.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {parts.map((part) => (
            <tr key={part.key}>
              <th scope="row">{part.label}</th>
              <td className="analysis-table__amount">{format.amount(part.total)}</td>
              <td className="analysis-table__amount">{format.share(total === 0 ? 0 : part.total / total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('analysis.column.total')}</th>
            <td className="analysis-table__amount">{format.amount(total)}</td>
            <td className="analysis-table__amount">{format.share(total === 0 ? 0 : 1)}</td>
          </tr>
        </tfoot>
      </ChartDataTable>
    </section>
  );
}

function exactSumOf(parts: readonly { sum: ExactSum }[]): number {
  const total = new ExactSum();
  for (const part of parts) total.addSum(part.sum);
  return total.value();
}

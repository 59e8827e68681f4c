import type { FundResponse } from '../../../shared/schemas/analysis.ts';
import { BarLineChart } from '../../components/charts/bar-line-chart.tsx';
import { chartPalette } from '../../../shared/chart-palette.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ChartDataTable, ChartSection } from './chart-section.tsx';
import { useAmountFormat } from './use-amount-format.ts';
import { useHiddenKeys } from './use-hidden-keys.ts';

const colours = { cost: chartPalette[13], balance: chartPalette[0], provision: chartPalette[2] };

/** The fund year by year: cost bars, balance and provision lines, the minimum and the first shortfall year; and as a table. */
export function FundChartSection({ fund, minimumBalance }: { fund: FundResponse; minimumBalance: number }) {
  const { t } = useTranslation();
  const format = useAmountFormat();
  const { hiddenKeys, toggle } = useHiddenKeys();
  const title = t('analysis.fund.chart');
  const labels = fund.years.map((year) => String(year.year));
  const series = [
    { key: 'cost', label: t('analysis.fund.series.cost'), colour: colours.cost },
    { key: 'balance', label: t('analysis.fund.series.balance'), colour: colours.balance },
    { key: 'provision', label: t('analysis.fund.series.provision'), colour: colours.provision },
  ];
  const lines = [
    { key: 'balance', label: t('analysis.fund.series.balance'), colour: colours.balance, values: fund.years.map((year) => year.balance) },
    {
      key: 'provision',
      label: t('analysis.fund.series.provision'),
      colour: colours.provision,
      values: fund.years.map((year) => year.provision),
      isDashed: true,
    },
  ].filter((line) => !hiddenKeys.has(line.key));
  const shortfallIndex = fund.years.findIndex((year) => year.year === fund.firstShortfallYear);
  const first = fund.years[0];
  const last = fund.years.at(-1);

  return (
    <ChartSection title={title} explanation={t('analysis.fund.chart_explained')} legendItems={series} hiddenKeys={hiddenKeys} onToggle={toggle}>
      <BarLineChart
        title={title}
        description={t('analysis.fund.chart_description', {
          first: format.amount(first?.balance ?? 0),
          firstYear: first?.year ?? '',
          last: format.amount(last?.balance ?? 0),
          lastYear: last?.year ?? '',
          cost: format.amount(fund.totalCost),
        })}
        labels={labels}
        bars={{ label: t('analysis.fund.series.cost'), colour: colours.cost, values: hiddenKeys.has('cost') ? [] : fund.years.map((year) => year.cost) }}
        lines={lines}
        reference={{ label: t('analysis.fund.minimum_line', { amount: format.amount(minimumBalance) }), value: minimumBalance }}
        highlight={
          shortfallIndex === -1 ? null : { index: shortfallIndex, label: t('analysis.fund.shortfall_marker', { year: fund.firstShortfallYear ?? '' }) }
        }
        formatTick={format.tick}
        formatValue={format.amount}
        unitLabel={t('analysis.unit')}
      />
      <ChartDataTable title={title}>
        <thead>
          <tr>
            <th scope="col">{t('analysis.column.year')}</th>
            <th scope="col" className="analysis-table__amount">
              {t('analysis.fund.series.cost')}
            </th>
            <th scope="col" className="analysis-table__amount">
              {t('analysis.fund.series.provision')}
            </th>
            <th scope="col" className="analysis-table__amount">
              {t('analysis.fund.series.balance')}
            </th>
          </tr>
        </thead>
        <tbody>
          {fund.years.map((year) => {
            const isShort = year.balance < minimumBalance;
            return (
              <tr key={year.year} className={isShort ? 'fund-table__short' : undefined}>
                <th scope="row">{year.year}</th>
                <td className="analysis-table__amount">{format.amount(year.cost)}</td>
                <td className="analysis-table__amount">{format.amount(year.provision)}</td>
                <td className="analysis-table__amount">
                  {format.amount(year.balance)}
                  {isShort && <span className="fund-table__marker">{t('analysis.fund.shortfall_row')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </ChartDataTable>
    </ChartSection>
  );
}

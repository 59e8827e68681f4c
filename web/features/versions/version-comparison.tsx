import { useId } from 'react';
import type { VersionDiff } from '../../../shared/schemas/version.ts';
import { chartPalette } from '../../../shared/chart-palette.ts';
import { BarLineChart } from '../../components/charts/bar-line-chart.tsx';
import { ChartLegend } from '../../components/charts/chart-legend.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ChartDataTable } from '../analysis/chart-section.tsx';
import { useAmountFormat } from '../analysis/use-amount-format.ts';
import { useHiddenKeys } from '../analysis/use-hidden-keys.ts';
import { fieldLabels, formatFieldValue } from './version-field-values.ts';

const colours = { from: chartPalette[13], to: chartPalette[0] };

interface VersionComparisonProps {
  diff: VersionDiff;
  fromName: string;
  toName: string;
  /** Building and location ids of the property → names. */
  partNames: ReadonlyMap<string, string>;
}

/** What differs between a version ("before") and the plan today or another version ("after"): actions, cost per year, the fund. */
export function VersionComparison({ diff, fromName, toName, partNames }: VersionComparisonProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="section version-comparison" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('versions.comparison_title', { from: fromName, to: toName })}</h3>
      <ActionChanges actions={diff.actions} partNames={partNames} />
      <CostPerYear analysis={diff.analysis} fromName={fromName} toName={toName} />
      <FundEffect fund={diff.fund} />
    </section>
  );
}

function ActionChanges({ actions, partNames }: { actions: VersionDiff['actions']; partNames: ReadonlyMap<string, string> }) {
  const { t, language } = useTranslation();
  const headingId = useId();
  const isUnchanged = actions.added.length + actions.removed.length + actions.changed.length === 0;
  const context = { t, language, partNames };
  return (
    <section className="analysis-card" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('versions.actions_title')}</h4>
      {isUnchanged && <p>{t('versions.no_action_changes')}</p>}
      {actions.added.length > 0 && <NamedActions title={t('versions.added', { count: actions.added.length })} actions={actions.added} />}
      {actions.removed.length > 0 && <NamedActions title={t('versions.removed', { count: actions.removed.length })} actions={actions.removed} />}
      {actions.changed.length > 0 && (
        <>
          <h5>{t('versions.changed', { count: actions.changed.length })}</h5>
          {actions.changed.map((action) => (
            <div key={action.id} className="table-scroll version-changes" tabIndex={0} role="region" aria-label={action.name}>
              <table className="table">
                <caption>{action.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('versions.column.field')}</th>
                    <th scope="col">{t('versions.column.from')}</th>
                    <th scope="col">{t('versions.column.to')}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(action.changes).map(([field, change]) => (
                    <tr key={field}>
                      <th scope="row">{fieldLabels[field] ? t(fieldLabels[field]) : field}</th>
                      <td>{formatFieldValue(field, change.from, context)}</td>
                      <td>{formatFieldValue(field, change.to, context)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function NamedActions({ title, actions }: { title: string; actions: ReadonlyArray<{ id: string; name: string }> }) {
  return (
    <>
      <h5>{title}</h5>
      <ul className="version-actions">
        {actions.map((action) => (
          <li key={action.id}>{action.name}</li>
        ))}
      </ul>
    </>
  );
}

function CostPerYear({ analysis, fromName, toName }: { analysis: VersionDiff['analysis']; fromName: string; toName: string }) {
  const { t } = useTranslation();
  const format = useAmountFormat();
  const headingId = useId();
  const title = t('versions.cost_title');
  const { hiddenKeys, toggle } = useHiddenKeys();
  const series = [
    { key: 'from', label: `${t('versions.column.from')}: ${fromName}`, colour: colours.from },
    { key: 'to', label: `${t('versions.column.to')}: ${toName}`, colour: colours.to },
  ];
  const orEmpty = (value: number | null) => (value === null ? t('versions.outside_window') : format.amount(value));
  return (
    <section className="analysis-card" aria-labelledby={headingId}>
      <h4 id={headingId}>{title}</h4>
      <p className="version-total">{t('versions.total_change', { from: format.amount(analysis.total.from), to: format.amount(analysis.total.to) })}</p>
      <ChartLegend label={t('analysis.legend_label', { chart: title })} items={series} hiddenKeys={hiddenKeys} onToggle={toggle} />
      <BarLineChart
        title={title}
        description={t('versions.cost_description', {
          from: fromName,
          to: toName,
          fromTotal: format.amount(analysis.total.from),
          toTotal: format.amount(analysis.total.to),
        })}
        labels={analysis.years.map((year) => String(year.year))}
        bars={{ label: fromName, colour: colours.from, values: hiddenKeys.has('from') ? [] : analysis.years.map((year) => year.from ?? 0) }}
        lines={hiddenKeys.has('to') ? [] : [{ key: 'to', label: toName, colour: colours.to, values: analysis.years.map((year) => year.to ?? 0) }]}
        formatTick={format.tick}
        formatValue={format.amount}
        unitLabel={t('analysis.unit')}
      />
      <ChartDataTable title={title}>
        <thead>
          <tr>
            <th scope="col">{t('versions.column.year')}</th>
            <th scope="col" className="analysis-table__amount">
              {t('versions.column.from')}
            </th>
            <th scope="col" className="analysis-table__amount">
              {t('versions.column.to')}
            </th>
          </tr>
        </thead>
        <tbody>
          {analysis.years.map((year) => (
            <tr key={year.year}>
              <th scope="row">{year.year}</th>
              <td className="analysis-table__amount">{orEmpty(year.from)}</td>
              <td className="analysis-table__amount">{orEmpty(year.to)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('analysis.column.total')}</th>
            <td className="analysis-table__amount">{format.amount(analysis.total.from)}</td>
            <td className="analysis-table__amount">{format.amount(analysis.total.to)}</td>
          </tr>
        </tfoot>
      </ChartDataTable>
    </section>
  );
}

function FundEffect({ fund }: { fund: VersionDiff['fund'] }) {
  const { t } = useTranslation();
  const format = useAmountFormat();
  const headingId = useId();
  const provision = (value: number | null) => (value === null ? t('versions.not_reachable') : format.amount(value));
  const shortfall = (value: number | null) => (value === null ? t('versions.no_shortfall') : String(value));
  return (
    <section className="analysis-card" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('versions.fund_title')}</h4>
      <table className="table version-fund">
        <thead>
          <tr>
            <td />
            <th scope="col">{t('versions.column.from')}</th>
            <th scope="col">{t('versions.column.to')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('versions.required_provision')}</th>
            <td>{provision(fund.requiredProvisionPerYear.from)}</td>
            <td>{provision(fund.requiredProvisionPerYear.to)}</td>
          </tr>
          <tr>
            <th scope="row">{t('versions.first_shortfall')}</th>
            <td>{shortfall(fund.firstShortfallYear.from)}</td>
            <td>{shortfall(fund.firstShortfallYear.to)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

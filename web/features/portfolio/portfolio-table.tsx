import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PortfolioResponse } from '../../../shared/schemas/portfolio.ts';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useAmountFormat } from '../analysis/use-amount-format.ts';
import { figureColumns, isShortOfFunds, nextSort, sortPortfolioRows, type PortfolioRow, type PortfolioSort, type SortColumn } from './portfolio-sort.ts';

interface PortfolioTableProps {
  rows: readonly PortfolioRow[];
  totals: PortfolioResponse['totals'];
  /** The year whose cost is "next year's" (the year after the analysis' as-of year). */
  nextYear: number;
  /** With customers included the rows come from several accounts: their names get a column. */
  isAccountShown: boolean;
}

/**
 * Every property's figures, sortable by each column through its header's button (the header
 * carries `aria-sort`, so a screen reader says the order), with the totals the API sums exactly.
 * A property short of funds says so in words beside its name, not by colour alone.
 */
export function PortfolioTable({ rows, totals, nextYear, isAccountShown }: PortfolioTableProps) {
  const { t, language } = useTranslation();
  const format = useAmountFormat();
  const [sort, setSort] = useState<PortfolioSort>({ column: 'propertyName', direction: 'ascending' });
  const sorted = useMemo(() => sortPortfolioRows(rows, sort, new Intl.Collator(language)), [rows, sort, language]);
  const perM2 = (value: number | null) => (value === null ? t('portfolio.no_area') : t('portfolio.per_m2', { amount: format.amount(value) }));
  const area = (value: number) => formatNumber(value, language);

  const header = (column: SortColumn) => {
    const isSorted = sort.column === column;
    return (
      <th
        key={column}
        scope="col"
        aria-sort={isSorted ? sort.direction : undefined}
        className={column === 'propertyName' || column === 'accountName' ? undefined : 'analysis-table__amount'}
      >
        <button type="button" className="sort-button" onClick={() => setSort(nextSort(sort, column))}>
          {column === 'nextYearCost' ? t('portfolio.column.nextYearCost', { year: nextYear }) : t(`portfolio.column.${column}`)}
          <span className="sort-button__arrow" aria-hidden="true">
            {isSorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    // Focusable, so the table scrolls sideways from the keyboard too when it is wider than the page.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('portfolio.table_caption')}>
      <table className="table portfolio-table">
        <caption className="visually-hidden">{t('portfolio.table_caption')}</caption>
        <thead>
          <tr>
            {header('propertyName')}
            {isAccountShown && header('accountName')}
            {figureColumns.map(header)}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const isShort = isShortOfFunds(row);
            return (
              <tr key={row.propertyId} className={isShort ? 'portfolio-table__row--short' : undefined}>
                <th scope="row" className="table__name portfolio-table__name">
                  <Link to={`/accounts/${row.accountId}/plans/${row.planId}`}>{row.propertyName}</Link>
                  {isShort && (
                    <span className="portfolio-table__flag">
                      <strong>{t('portfolio.short_of_funds')}</strong>{' '}
                      {row.firstShortfallYear === null ? t('portfolio.short_provision') : t('portfolio.short_from', { year: row.firstShortfallYear })}
                    </span>
                  )}
                </th>
                {isAccountShown && <td className="table__name portfolio-table__name">{row.accountName}</td>}
                <td className="analysis-table__amount">{area(row.areaM2)}</td>
                <td className="analysis-table__amount">{format.amount(row.averagePerYear)}</td>
                <td className="analysis-table__amount">{perM2(row.averagePerYearPerM2)}</td>
                <td className="analysis-table__amount">{format.amount(row.maintenanceDebt)}</td>
                <td className="analysis-table__amount">{perM2(row.maintenanceDebtPerM2)}</td>
                <td className="analysis-table__amount">{format.amount(row.nextYearCost)}</td>
                <td className="analysis-table__amount">{format.amount(row.currentProvisionPerYear)}</td>
                <td className="analysis-table__amount">
                  {row.requiredProvisionPerYear === null ? t('portfolio.not_computable') : format.amount(row.requiredProvisionPerYear)}
                </td>
                <td className="analysis-table__amount">{row.firstShortfallYear ?? t('portfolio.no_shortfall')}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('portfolio.totals')}</th>
            {isAccountShown && <td />}
            <td className="analysis-table__amount">{area(totals.areaM2)}</td>
            <td className="analysis-table__amount">{format.amount(totals.averagePerYear)}</td>
            <td />
            <td className="analysis-table__amount">{format.amount(totals.maintenanceDebt)}</td>
            <td />
            <td className="analysis-table__amount">{format.amount(totals.nextYearCost)}</td>
            <td colSpan={3} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

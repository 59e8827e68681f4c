import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { DisplaySwitches } from '../plan-core/display-switches.tsx';
import { PortfolioCharts } from './portfolio-charts.tsx';
import { useCustomers } from '../customers/customers-api.ts';
import { usePortfolio } from './portfolio-api.ts';
import { isShortOfFunds, type PortfolioRow } from './portfolio-sort.ts';
import { PortfolioTable } from './portfolio-table.tsx';

interface PortfolioDashboardProps {
  accountId: string;
  accountName: string;
  /** A member limited to some properties sees only those, never a customer's (docs/product/api.md § Portfolio). */
  isLimitedMember: boolean;
}

/**
 * The account's properties with plans side by side (docs/product/screens.md § Portfolio): the
 * table, the properties short of funds, and the charts, with the VAT and rounding switches of
 * every plan screen and, for a manager, the customers' properties on request.
 */
export function PortfolioDashboard({ accountId, accountName, isLimitedMember }: PortfolioDashboardProps) {
  const { t } = useTranslation();
  const { vat, isRounded } = useDisplayPreferences();
  const [includeCustomers, setIncludeCustomers] = useState(false);
  // Sent to the server rather than left to its default, so the column's year and its figures agree.
  const asOfYear = new Date().getUTCFullYear();
  // The customers name the account column; an account without any gets no switch. A limited member
  // is refused the list and given no customer's rows, so it is not asked for.
  const customers = useCustomers(accountId, { isEnabled: !isLimitedMember });
  const hasCustomers = (customers.data?.length ?? 0) > 0;
  const portfolio = usePortfolio(accountId, { vat, asOfYear, includeCustomers: hasCustomers && includeCustomers });

  if (portfolio.isPending) return <Spinner label={t('loading')} />;
  if (portfolio.isError) return <QueryLoadError query={portfolio} />;

  const accountNames = new Map([[accountId, accountName], ...(customers.data ?? []).map((customer) => [customer.accountId, customer.name] as const)]);
  const rows: PortfolioRow[] = portfolio.data.properties.map((property) => ({ ...property, accountName: accountNames.get(property.accountId) ?? '' }));
  const shortCount = rows.filter(isShortOfFunds).length;
  const nextYear = asOfYear + 1;

  return (
    <>
      <div className="portfolio-dashboard__switches">
        <DisplaySwitches />
        {hasCustomers && (
          <label className="switch">
            <input type="checkbox" checked={includeCustomers} onChange={(event) => setIncludeCustomers(event.target.checked)} />
            <span>{t('portfolio.include_customers')}</span>
          </label>
        )}
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t('portfolio.empty_title')} action={<Link to={`/accounts/${accountId}`}>{t('portfolio.to_start')}</Link>}>
          <p>{t('portfolio.empty_text')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="portfolio__note">
            {t(vat === 'incl' ? 'portfolio.amounts_incl_vat' : 'portfolio.amounts_excl_vat')}
            {isRounded && ` ${t('portfolio.amounts_rounded')}`}
          </p>
          <p className={shortCount > 0 ? 'portfolio-dashboard__shortfalls portfolio-dashboard__shortfalls--found' : 'portfolio-dashboard__shortfalls'}>
            {shortCount === 0
              ? t('portfolio.shortfall_summary.none')
              : shortCount === 1
                ? t('portfolio.shortfall_summary.one')
                : t('portfolio.shortfall_summary.other', { count: shortCount })}
          </p>
          <PortfolioTable rows={rows} totals={portfolio.data.totals} nextYear={nextYear} isAccountShown={hasCustomers && includeCustomers} />
          <PortfolioCharts rows={rows} nextYear={nextYear} />
        </>
      )}
    </>
  );
}

import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { PortfolioDashboard } from '../features/portfolio/portfolio-dashboard.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** The account's portfolio dashboard (docs/product/screens.md § Portfolio). */
export function PortfolioPage() {
  const { t } = useTranslation();
  const { accountId, accountName, propertyIds } = useCurrentMembership();
  usePageTitle(t('portfolio.title'));
  return (
    <>
      <h1>{t('portfolio.title')}</h1>
      <p className="page__lead">{t('portfolio.lead')}</p>
      <PortfolioDashboard accountId={accountId} accountName={accountName} isLimitedMember={propertyIds !== null} />
    </>
  );
}

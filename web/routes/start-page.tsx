import { canWriteAccountWide, useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { MoveNotice } from '../features/moves/move-notice.tsx';
import { MoveOrganisation } from '../features/moves/move-organisation.tsx';
import { PortfolioOverview } from '../features/organisations/portfolio-overview.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** The account's start page: the portfolio overview (docs/product/screens.md § Start page). */
export function StartPage() {
  const { t } = useTranslation();
  const membership = useCurrentMembership();
  const { accountId, accountName } = membership;
  usePageTitle(accountName);
  return (
    <>
      <h1>{accountName}</h1>
      <p className="page__lead">{t('organisations.lead')}</p>
      <MoveNotice />
      <PortfolioOverview
        accountId={accountId}
        accountName={accountName}
        canEdit={canWriteAccountWide(membership)}
        organisationTools={(organisation) => <MoveOrganisation accountId={accountId} accountName={accountName} organisation={organisation} />}
      />
    </>
  );
}

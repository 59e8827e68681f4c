import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { OrganisationsPlaceholder } from '../features/organisations/organisations-placeholder.tsx';
import { usePageTitle } from '../lib/use-page-title.ts';

/** The account's start page; it will become the portfolio overview (SPEC §4). */
export function StartPage() {
  const { accountName } = useCurrentMembership();
  usePageTitle(accountName);
  return (
    <>
      <h1>{accountName}</h1>
      <OrganisationsPlaceholder />
    </>
  );
}

import { Link, Outlet } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useSession } from '../auth/session.ts';
import { InactiveAccountNotice } from './inactive-account-notice.tsx';
import { useInactiveRefusal } from './use-inactive-refusal.ts';
import { useSelectedMembership } from './use-selected-membership.ts';

/**
 * Renders the account's screens only for its members; anyone else sees the same "not found" as for
 * a missing account. A customer account's own member is told first when it is inactive, rather
 * than meeting a refusal on every screen; its manager's members are never refused
 * (docs/decisions/0044-inactive-account-page.md).
 */
export function RequireMembership() {
  const { t } = useTranslation();
  const { memberships } = useSession();
  const membership = useSelectedMembership();
  const refusal = useInactiveRefusal(membership);

  if (!membership) {
    return (
      <EmptyState headingLevel={1} title={t('account.not_found_title')} action={<Link to="/">{t('account.go_to_start')}</Link>}>
        <p>{t('account.not_found_text')}</p>
      </EmptyState>
    );
  }
  if (refusal.kind === 'pending') return <Spinner label={t('loading')} />;
  if (refusal.kind === 'refused') {
    return <InactiveAccountNotice account={refusal.account} otherMemberships={memberships.filter((other) => other.accountId !== membership.accountId)} />;
  }
  return <Outlet />;
}

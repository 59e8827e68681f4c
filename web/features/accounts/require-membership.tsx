import { Link, Outlet } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useSelectedMembership } from './use-selected-membership.ts';

/** Renders the account's screens only for its members; anyone else sees the same "not found" as for a missing account. */
export function RequireMembership() {
  const { t } = useTranslation();
  const membership = useSelectedMembership();
  if (membership) return <Outlet />;
  return (
    <EmptyState headingLevel={1} title={t('account.not_found_title')} action={<Link to="/">{t('account.go_to_start')}</Link>}>
      <p>{t('account.not_found_text')}</p>
    </EmptyState>
  );
}

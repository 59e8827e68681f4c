import { Navigate } from 'react-router';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { useSession } from '../features/auth/session.ts';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** `/` opens the first account; a user who belongs to none is told how to get in. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.no_accounts_title'));
  const [firstMembership] = useSession().memberships;

  if (firstMembership) return <Navigate to={`/accounts/${firstMembership.accountId}`} replace />;
  return (
    <EmptyState headingLevel={1} title={t('home.no_accounts_title')}>
      <p>{t('home.no_accounts_text')}</p>
    </EmptyState>
  );
}

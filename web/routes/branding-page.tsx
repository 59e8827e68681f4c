import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { BrandingOverview } from '../features/branding/branding-overview.tsx';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** /accounts/:accountId/branding (docs/product/screens.md § Branding page): admins only, as the server's PUT. */
export function BrandingPage() {
  const { t } = useTranslation();
  usePageTitle(t('branding.title'));
  const membership = useCurrentMembership();
  return (
    <>
      <h1>{t('branding.title')}</h1>
      <p className="page__lead">{t('branding.intro')}</p>
      {membership.role === 'admin' ? (
        <BrandingOverview accountId={membership.accountId} />
      ) : (
        <EmptyState title={t('branding.admins_only_title')}>
          <p>{t('branding.admins_only_text')}</p>
        </EmptyState>
      )}
    </>
  );
}

import { Alert } from '../components/ui/alert.tsx';
import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { CustomersOverview } from '../features/customers/customers-overview.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** A manager account's customers (docs/product/screens.md § Customers page). */
export function CustomersPage() {
  const { t } = useTranslation();
  usePageTitle(t('customers.title'));
  const membership = useCurrentMembership();
  return (
    <>
      <h1>{t('customers.title')}</h1>
      <p className="page__lead">{t('customers.lead')}</p>
      {membership.role === 'admin' ? <CustomersOverview managerId={membership.accountId} /> : <Alert tone="info">{t('customers.admins_only')}</Alert>}
    </>
  );
}

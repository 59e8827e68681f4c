import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { CreateCustomerForm } from './create-customer-form.tsx';
import { CustomerList } from './customer-list.tsx';
import { useCustomers } from './customers-api.ts';

/** Everything an admin of a manager account does with its customers. */
export function CustomersOverview({ managerId }: { managerId: string }) {
  const { t } = useTranslation();
  const customers = useCustomers(managerId);

  return (
    <>
      <section className="section">
        {customers.isPending && <Spinner label={t('loading')} />}
        {customers.isError && <QueryLoadError query={customers} />}
        {customers.data?.length === 0 && (
          <EmptyState title={t('customers.empty_title')}>
            <p>{t('customers.empty_text')}</p>
          </EmptyState>
        )}
        {customers.data && customers.data.length > 0 && <CustomerList managerId={managerId} customers={customers.data} />}
      </section>
      <section className="section">
        <h2 id="new-customer-title">{t('customers.new_title')}</h2>
        <CreateCustomerForm managerId={managerId} />
      </section>
    </>
  );
}

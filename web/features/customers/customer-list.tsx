import { useState } from 'react';
import { Link } from 'react-router';
import type { CustomersResponse } from '../../../shared/schemas/customer.ts';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { formatDate } from '../../lib/i18n/format-date.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { FeedbackAlert } from '../../lib/feedback/feedback-alert.tsx';
import { useActionFeedback } from '../../lib/feedback/use-action-feedback.ts';
import { useUpdateCustomer } from './customers-api.ts';
import { ExtendTrialDialog } from './extend-trial-dialog.tsx';
import { deletionDate } from './trial-dates.ts';

type Customer = CustomersResponse[number];

interface CustomerListProps {
  managerId: string;
  customers: CustomersResponse;
}

/** The manager's customers, each opened in its own account, activated, paused or given a longer trial. */
export function CustomerList({ managerId, customers }: CustomerListProps) {
  const { t, language } = useTranslation();
  const updateCustomer = useUpdateCustomer(managerId);
  const { feedback, setFeedback, reportOutcome } = useActionFeedback();
  const [customerToPause, setCustomerToPause] = useState<Customer | null>(null);
  const [customerToExtend, setCustomerToExtend] = useState<Customer | null>(null);

  function handleActivate(customer: Customer) {
    updateCustomer.mutate({ customerId: customer.accountId, change: { status: 'active' } }, reportOutcome('customers.activated', { name: customer.name }));
  }

  function handlePauseConfirmed(customer: Customer) {
    updateCustomer.mutate(
      { customerId: customer.accountId, change: { status: 'inactive' } },
      { ...reportOutcome('customers.deactivated', { name: customer.name }), onSettled: () => setCustomerToPause(null) },
    );
  }

  const isPendingFor = (customer: Customer, status: 'active' | 'inactive') =>
    updateCustomer.isPending && updateCustomer.variables.customerId === customer.accountId && updateCustomer.variables.change.status === status;

  return (
    <>
      <FeedbackAlert feedback={feedback} />
      <div className="table-scroll">
        <table className="table customer-table">
          <thead>
            <tr>
              <th scope="col">{t('customers.column.name')}</th>
              <th scope="col">{t('customers.column.status')}</th>
              <th scope="col">{t('customers.column.trial_end')}</th>
              <th scope="col" className="table__number">
                {t('customers.column.properties')}
              </th>
              <th scope="col">{t('customers.column.deletes')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('customers.column.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {customers.map((customer) => (
              <tr key={customer.accountId}>
                <td className="table__name">{customer.name}</td>
                <td>
                  <span className={`status-badge customer-status--${customer.status}`}>{t(`customers.status.${customer.status}`)}</span>
                </td>
                <td>{customer.trialEndsAt === null ? <span className="muted">{t('customers.no_trial')}</span> : formatDate(customer.trialEndsAt, language)}</td>
                <td className="table__number">{customer.propertyCount}</td>
                <td>{customer.deletesAt === null ? <span className="muted">{t('customers.not_deleted')}</span> : formatDate(customer.deletesAt, language)}</td>
                <td className="table__actions">
                  <Link
                    className="button button--secondary"
                    to={`/accounts/${customer.accountId}`}
                    aria-label={t('customers.open_named', { name: customer.name })}
                  >
                    {t('customers.open')}
                  </Link>
                  {customer.status !== 'active' && (
                    <Button
                      aria-label={t('customers.activate_named', { name: customer.name })}
                      isPending={isPendingFor(customer, 'active')}
                      onClick={() => handleActivate(customer)}
                    >
                      {t('customers.activate')}
                    </Button>
                  )}
                  <Button aria-label={t('customers.extend_named', { name: customer.name })} onClick={() => setCustomerToExtend(customer)}>
                    {t('customers.extend')}
                  </Button>
                  {customer.status !== 'inactive' && (
                    <Button variant="danger" aria-label={t('customers.deactivate_named', { name: customer.name })} onClick={() => setCustomerToPause(customer)}>
                      {t('customers.deactivate')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        isOpen={customerToPause !== null}
        title={t('customers.deactivate_title', { name: customerToPause?.name ?? '' })}
        confirmLabel={t('customers.deactivate')}
        cancelLabel={t('action.cancel')}
        isPending={updateCustomer.isPending}
        onConfirm={() => customerToPause && handlePauseConfirmed(customerToPause)}
        onCancel={() => setCustomerToPause(null)}
      >
        {customerToPause && (
          <p>
            {t('customers.deactivate_text', { date: formatDate(deletionDate(customerToPause.retentionDays), language), days: customerToPause.retentionDays })}
          </p>
        )}
      </ConfirmDialog>
      <ExtendTrialDialog
        key={customerToExtend?.accountId ?? 'closed'}
        managerId={managerId}
        customer={customerToExtend}
        onClose={() => setCustomerToExtend(null)}
        onExtended={(customer, trialEndsAt) => {
          setCustomerToExtend(null);
          setFeedback({ tone: 'success', key: 'customers.extended', params: { name: customer.name, date: formatDate(trialEndsAt, language) } });
        }}
      />
    </>
  );
}

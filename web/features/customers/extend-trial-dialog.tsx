import { useId } from 'react';
import { z } from 'zod';
import type { CustomersResponse } from '../../../shared/schemas/customer.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useModalDialog } from '../../components/ui/use-modal-dialog.ts';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useUpdateCustomer } from './customers-api.ts';
import { dateInputValue, endOfDay } from './trial-dates.ts';

type Customer = CustomersResponse[number];

/** A chosen day means "until and including": the trial ends when that day ends where the manager is. */
const extendTrialFormSchema = z.object({
  trialEndsAt: z.iso.date({ error: 'customer.trial_end_invalid' }).transform(endOfDay),
});

interface ExtendTrialDialogProps {
  managerId: string;
  customer: Customer | null;
  onClose: () => void;
  onExtended: (customer: Customer, trialEndsAt: string) => void;
}

/** Puts the customer on trial until a chosen day: also a way back for an inactive one. */
export function ExtendTrialDialog({ managerId, customer, onClose, onExtended }: ExtendTrialDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog(customer !== null);
  const titleId = useId();
  const updateCustomer = useUpdateCustomer(managerId);
  const form = useValidatedForm(extendTrialFormSchema);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {customer && (
        <>
          <h2 className="dialog__title" id={titleId}>
            {t('customers.extend_title', { name: customer.name })}
          </h2>
          <form
            className="form"
            noValidate
            onSubmit={form.handleSubmit(({ trialEndsAt }) =>
              updateCustomer.mutate(
                { customerId: customer.accountId, change: { trialEndsAt } },
                { onError: form.showApiError, onSuccess: () => onExtended(customer, trialEndsAt) },
              ),
            )}
          >
            {updateCustomer.isError && <Alert tone="error">{describeApiError(updateCustomer.error, t)}</Alert>}
            <TextField
              label={t('customers.field.trial_end')}
              hint={t('customers.field.trial_end_hint')}
              name="trialEndsAt"
              type="date"
              required
              defaultValue={dateInputValue(customer.trialEndsAt)}
              error={form.errorFor('trialEndsAt')}
            />
            <div className="dialog__actions">
              <Button onClick={onClose}>{t('action.cancel')}</Button>
              <Button type="submit" variant="primary" isPending={updateCustomer.isPending}>
                {t('customers.extend_submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </dialog>
  );
}

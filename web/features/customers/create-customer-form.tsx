import { useState } from 'react';
import { z } from 'zod';
import { createCustomerRequestSchema } from '../../../shared/schemas/customer.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { CheckboxField } from '../../components/ui/checkbox-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { parseNumberInput } from '../../lib/forms/form-values.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useCreateCustomer } from './customers-api.ts';

/** A trial of a month unless the manager types otherwise. */
const defaultTrialDays = 30;

/**
 * The API's rules on the typed fields: the days field is disabled without a trial, so FormData
 * lacks it and the customer is created active.
 */
const createCustomerFormSchema = z.object({
  name: createCustomerRequestSchema.shape.name,
  trialDays: z.preprocess(
    (value) => (typeof value === 'string' ? (parseNumberInput(value) ?? Number.NaN) : value),
    createCustomerRequestSchema.shape.trialDays,
  ),
});

export function CreateCustomerForm({ managerId }: { managerId: string }) {
  const { t } = useTranslation();
  const createCustomer = useCreateCustomer(managerId);
  const form = useValidatedForm(createCustomerFormSchema);
  const [hasTrial, setHasTrial] = useState(true);

  return (
    <form
      className="form"
      noValidate
      aria-labelledby="new-customer-title"
      onSubmit={form.handleSubmit((request, formElement) =>
        createCustomer.mutate(request, {
          onError: form.showApiError,
          onSuccess: () => {
            formElement.reset();
            setHasTrial(true);
          },
        }),
      )}
    >
      {createCustomer.isError && <Alert tone="error">{describeApiError(createCustomer.error, t)}</Alert>}
      {createCustomer.isSuccess && <Alert tone="success">{t('customers.created', { name: createCustomer.data.name })}</Alert>}
      <TextField
        label={t('customers.field.name')}
        hint={t('customers.field.name_hint')}
        name="name"
        autoComplete="off"
        required
        error={form.errorFor('name')}
      />
      <CheckboxField
        label={t('customers.field.has_trial')}
        hint={t('customers.field.has_trial_hint')}
        checked={hasTrial}
        onChange={(event) => setHasTrial(event.currentTarget.checked)}
      />
      <TextField
        label={t('customers.field.trial_days')}
        name="trialDays"
        inputMode="numeric"
        defaultValue={String(defaultTrialDays)}
        disabled={!hasTrial}
        error={hasTrial ? form.errorFor('trialDays') : undefined}
      />
      <Button type="submit" variant="primary" isPending={createCustomer.isPending}>
        {t('customers.create_submit')}
      </Button>
    </form>
  );
}

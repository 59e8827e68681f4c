import { passwordResetRequestSchema } from '../../../shared/schemas/password-reset.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useRequestPasswordReset } from './password-reset-api.ts';

/** Says the same afterwards whether or not the address has an account, as the server does. */
export function RequestResetForm() {
  const { t } = useTranslation();
  const requestReset = useRequestPasswordReset();
  const form = useValidatedForm(passwordResetRequestSchema);

  if (requestReset.isSuccess) return <Alert tone="success">{t('reset.requested')}</Alert>;
  return (
    <form className="form" noValidate onSubmit={form.handleSubmit((values) => requestReset.mutate(values, { onError: form.showApiError }))}>
      {requestReset.isError && <Alert tone="error">{describeApiError(requestReset.error, t)}</Alert>}
      <TextField label={t('field.email')} name="email" type="email" autoComplete="email" required error={form.errorFor('email')} />
      <Button type="submit" variant="primary" isPending={requestReset.isPending}>
        {t('reset.request_submit')}
      </Button>
    </form>
  );
}

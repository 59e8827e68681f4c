import { z } from 'zod';
import { changePasswordRequestSchema } from '../../../shared/schemas/auth.ts';
import { passwordMinLength } from '../../../shared/schemas/password.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useChangePassword } from './auth-api.ts';

/** The confirmation catches a typo before it locks the user out; it never leaves the browser. */
const changePasswordFormSchema = changePasswordRequestSchema
  .extend({ newPasswordConfirmation: z.string() })
  .refine((values) => values.newPassword === values.newPasswordConfirmation, {
    path: ['newPasswordConfirmation'],
    error: 'password.mismatch',
  });

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const changePassword = useChangePassword();
  const form = useValidatedForm(changePasswordFormSchema);

  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(({ currentPassword, newPassword }, formElement) =>
        changePassword.mutate({ currentPassword, newPassword }, { onError: form.showApiError, onSuccess: () => formElement.reset() }),
      )}
    >
      {changePassword.isError && <Alert tone="error">{describeApiError(changePassword.error, t)}</Alert>}
      {changePassword.isSuccess && <Alert tone="success">{t('password.changed')}</Alert>}
      <TextField
        label={t('field.current_password')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={form.errorFor('currentPassword')}
      />
      <TextField
        label={t('field.new_password')}
        hint={t('field.password_hint', { count: passwordMinLength })}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        error={form.errorFor('newPassword')}
      />
      <TextField
        label={t('field.password_confirmation')}
        name="newPasswordConfirmation"
        type="password"
        autoComplete="new-password"
        required
        error={form.errorFor('newPasswordConfirmation')}
      />
      <Button type="submit" variant="primary" isPending={changePassword.isPending}>
        {t('password.submit')}
      </Button>
    </form>
  );
}

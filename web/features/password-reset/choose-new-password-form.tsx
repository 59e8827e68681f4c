import { z } from 'zod';
import { newPasswordSchema, passwordMinLength } from '../../../shared/schemas/password.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useConfirmPasswordReset } from './password-reset-api.ts';

/** The confirmation catches a typo before it locks the user out again; it never leaves the browser. */
const newPasswordFormSchema = z
  .object({ password: newPasswordSchema, passwordConfirmation: z.string() })
  .refine((values) => values.password === values.passwordConfirmation, { path: ['passwordConfirmation'], error: 'password.mismatch' });

/** After the new password is set the user is signed out everywhere; `onDone` sends them to sign in. */
export function ChooseNewPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const confirmReset = useConfirmPasswordReset();
  const form = useValidatedForm(newPasswordFormSchema);

  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(({ password }) => confirmReset.mutate({ token, password }, { onError: form.showApiError, onSuccess: onDone }))}
    >
      {confirmReset.isError && <Alert tone="error">{describeApiError(confirmReset.error, t)}</Alert>}
      <TextField
        label={t('field.new_password')}
        hint={t('field.password_hint', { count: passwordMinLength })}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={form.errorFor('password')}
      />
      <TextField
        label={t('field.password_confirmation')}
        name="passwordConfirmation"
        type="password"
        autoComplete="new-password"
        required
        error={form.errorFor('passwordConfirmation')}
      />
      <Button type="submit" variant="primary" isPending={confirmReset.isPending}>
        {t('reset.confirm_submit')}
      </Button>
    </form>
  );
}

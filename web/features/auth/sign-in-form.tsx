import { loginRequestSchema } from '../../../shared/schemas/auth.ts';
import type { SecondFactorChallenge } from '../../../shared/schemas/two-factor.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useSignIn } from './auth-api.ts';

/**
 * On success the `me` query holds the user; the sign-in screen then moves on. A user with a
 * second factor is handed to the screen's second step instead (`onSecondFactor`).
 */
export function SignInForm({ onSecondFactor }: { onSecondFactor: (challenge: SecondFactorChallenge) => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const form = useValidatedForm(loginRequestSchema);

  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((credentials) =>
        signIn.mutate(credentials, {
          onError: form.showApiError,
          onSuccess: (response) => {
            if ('twoFactorRequired' in response) onSecondFactor(response);
          },
        }),
      )}
    >
      {signIn.isError && <Alert tone="error">{describeApiError(signIn.error, t)}</Alert>}
      <TextField label={t('field.email')} name="email" type="email" autoComplete="email" required error={form.errorFor('email')} />
      <TextField label={t('field.password')} name="password" type="password" autoComplete="current-password" required error={form.errorFor('password')} />
      <Button type="submit" variant="primary" isPending={signIn.isPending}>
        {t('signin.submit')}
      </Button>
    </form>
  );
}

import { signupRequestSchema } from '../../../shared/schemas/auth.ts';
import { passwordMinLength } from '../../../shared/schemas/password.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useSignUp } from './auth-api.ts';

/** Creates the user and their first account; on success the user is signed in. */
export function SignUpForm() {
  const { t } = useTranslation();
  const signUp = useSignUp();
  const form = useValidatedForm(signupRequestSchema);

  return (
    <form className="form" noValidate onSubmit={form.handleSubmit((request) => signUp.mutate(request, { onError: form.showApiError }))}>
      {signUp.isError && <Alert tone="error">{describeApiError(signUp.error, t)}</Alert>}
      <TextField label={t('field.name')} name="name" autoComplete="name" required error={form.errorFor('name')} />
      <TextField label={t('field.email')} name="email" type="email" autoComplete="email" required error={form.errorFor('email')} />
      <TextField
        label={t('field.choose_password')}
        hint={t('field.password_hint', { count: passwordMinLength })}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={form.errorFor('password')}
      />
      <TextField
        label={t('field.account_name')}
        hint={t('field.account_name_hint')}
        name="accountName"
        autoComplete="organization"
        required
        error={form.errorFor('accountName')}
      />
      <Button type="submit" variant="primary" isPending={signUp.isPending}>
        {t('signup.submit')}
      </Button>
    </form>
  );
}

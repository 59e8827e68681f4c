import { useNavigate } from 'react-router';
import { createAccountRequestSchema } from '../../../shared/schemas/account.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useCreateAccount } from './accounts-api.ts';

/** Creates the account and opens its start page, where its first organisation is made. */
export function CreateAccountForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createAccount = useCreateAccount();
  const form = useValidatedForm(createAccountRequestSchema);

  return (
    <form
      className="form"
      noValidate
      aria-label={t('accounts.new_title')}
      onSubmit={form.handleSubmit((request) =>
        createAccount.mutate(request, {
          onError: form.showApiError,
          onSuccess: (account) => navigate(`/accounts/${account.id}`),
        }),
      )}
    >
      {createAccount.isError && <Alert tone="error">{describeApiError(createAccount.error, t)}</Alert>}
      <TextField
        label={t('accounts.field.name')}
        hint={t('accounts.field.name_hint')}
        name="name"
        autoComplete="organization"
        required
        error={form.errorFor('name')}
      />
      <Button type="submit" variant="primary" isPending={createAccount.isPending}>
        {t('accounts.create_submit')}
      </Button>
    </form>
  );
}

import { CreateAccountForm } from '../features/accounts/create-account-form.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** Another account for the signed-in user: sign-up is for people new to Kvarter. */
export function NewAccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('accounts.new_title'));
  return (
    <>
      <h1>{t('accounts.new_title')}</h1>
      <p className="page__lead">{t('accounts.new_lead')}</p>
      <CreateAccountForm />
    </>
  );
}

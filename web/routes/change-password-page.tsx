import { ChangePasswordForm } from '../features/auth/change-password-form.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('password.title'));
  return (
    <div className="narrow">
      <h1>{t('password.title')}</h1>
      <p>{t('password.intro')}</p>
      <ChangePasswordForm />
    </div>
  );
}

import { Link } from 'react-router';
import { RequestResetForm } from '../features/password-reset/request-reset-form.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** "Glömt lösenord?": asks for a reset link by e-mail. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.request_title'));
  return (
    <div className="auth-card">
      <h1>{t('reset.request_title')}</h1>
      <p>{t('reset.request_intro')}</p>
      <RequestResetForm />
      <p className="auth-card__footer">
        <Link to="/signin">{t('reset.back_to_sign_in')}</Link>
      </p>
    </div>
  );
}

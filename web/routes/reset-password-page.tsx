import { Link, useSearchParams } from 'react-router';
import { Alert } from '../components/ui/alert.tsx';
import { ChooseNewPasswordForm } from '../features/password-reset/choose-new-password-form.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** The e-mailed link's page: choose a new password, then sign in again (every session has ended). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.confirm_title'));
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  return (
    <div className="auth-card">
      <h1>{t('reset.confirm_title')}</h1>
      {token ? (
        // A full page load: whatever this tab still held of a signed-in user is dropped.
        <ChooseNewPasswordForm token={token} onDone={() => window.location.assign('/signin?reset=done')} />
      ) : (
        <Alert tone="error">{t('error.invalid_token')}</Alert>
      )}
      <p className="auth-card__footer">
        <Link to="/forgot-password">{t('reset.ask_again')}</Link>
      </p>
    </div>
  );
}

import { Link, Navigate } from 'react-router';
import { Spinner } from '../components/ui/spinner.tsx';
import { useMe } from '../features/auth/session.ts';
import { SignUpForm } from '../features/auth/sign-up-form.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** After signing up the user has one membership, so the start redirect lands on the new account. */
export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('signup.title'));
  const me = useMe();

  if (me.isPending) return <Spinner label={t('loading')} />;
  if (me.data) return <Navigate to="/" replace />;
  return (
    <div className="auth-card">
      <h1>{t('signup.title')}</h1>
      <p>{t('signup.intro')}</p>
      <SignUpForm />
      <p className="auth-card__footer">
        {t('signup.have_account')} <Link to="/signin">{t('signin.title')}</Link>
      </p>
    </div>
  );
}

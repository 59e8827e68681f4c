import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { SecondFactorChallenge } from '../../shared/schemas/two-factor.ts';
import { Alert } from '../components/ui/alert.tsx';
import { Spinner } from '../components/ui/spinner.tsx';
import { safeNextPath } from '../features/auth/next-path.ts';
import { useMe } from '../features/auth/session.ts';
import { SignInForm } from '../features/auth/sign-in-form.tsx';
import { PasskeySecondFactor } from '../features/passkeys/passkey-second-factor.tsx';
import { PasskeySignInButton } from '../features/passkeys/passkey-sign-in-button.tsx';
import { SecondFactorForm } from '../features/two-factor/second-factor-form.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** Once `me` holds a user (already signed in, or just now) this screen hands over to `next`. */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signin.title'));
  const [searchParams] = useSearchParams();
  const me = useMe();
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);

  if (me.isPending) return <Spinner label={t('loading')} />;
  if (me.data) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
  if (challenge) {
    return (
      <div className="auth-card">
        <h1>{t('two_factor.signin_title')}</h1>
        {challenge.methods.includes('passkey') && <PasskeySecondFactor onRestart={() => setChallenge(null)} />}
        {challenge.methods.includes('totp') && <SecondFactorForm challenge={challenge} onRestart={() => setChallenge(null)} />}
      </div>
    );
  }
  return (
    <div className="auth-card">
      <h1>{t('signin.title')}</h1>
      {searchParams.get('reset') === 'done' && <Alert tone="success">{t('reset.done')}</Alert>}
      <SignInForm onSecondFactor={setChallenge} />
      <PasskeySignInButton />
      <p>
        <Link to="/forgot-password">{t('reset.forgot_link')}</Link>
      </p>
      <p className="auth-card__footer">
        {t('signin.no_account')} <Link to="/signup">{t('signup.title')}</Link>
      </p>
    </div>
  );
}

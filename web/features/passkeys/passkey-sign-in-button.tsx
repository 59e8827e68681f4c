import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { Button } from '../../components/ui/button.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { PasskeyErrorAlert } from './passkey-error-alert.tsx';
import { useSignInWithPasskey } from './passkeys-api.ts';

/** The sign-in page's way in without a password; nothing is shown where the browser has no WebAuthn. */
export function PasskeySignInButton() {
  const { t } = useTranslation();
  const signIn = useSignInWithPasskey();
  if (!browserSupportsWebAuthn()) return null;
  return (
    <div className="passkeys__sign-in">
      <p className="passkeys__or">{t('passkeys.sign_in_or')}</p>
      {signIn.isError && <PasskeyErrorAlert error={signIn.error} />}
      <Button isPending={signIn.isPending} onClick={() => signIn.mutate()}>
        {t('passkeys.sign_in')}
      </Button>
    </div>
  );
}

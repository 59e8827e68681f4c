import { Button } from '../../components/ui/button.tsx';
import { ApiError } from '../../lib/api/api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { PasskeyErrorAlert } from './passkey-error-alert.tsx';
import { useFinishSignInWithPasskey } from './passkeys-api.ts';

/** The sign-in's second step when the user has a passkey: one button, and the browser asks for the key. */
export function PasskeySecondFactor({ onRestart }: { onRestart: () => void }) {
  const { t } = useTranslation();
  const finish = useFinishSignInWithPasskey();
  const isExpired = finish.error instanceof ApiError && finish.error.code === 'unauthenticated';
  return (
    <div className="passkeys__second-factor">
      <p>{t('passkeys.second_step_intro')}</p>
      {finish.isError && <PasskeyErrorAlert error={finish.error} />}
      {isExpired ? (
        <Button variant="primary" onClick={onRestart}>
          {t('two_factor.signin_again')}
        </Button>
      ) : (
        <Button variant="primary" isPending={finish.isPending} onClick={() => finish.mutate()}>
          {t('passkeys.use_passkey')}
        </Button>
      )}
    </div>
  );
}

import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert.tsx';
import { CheckboxField } from '../../components/ui/checkbox-field.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useSession } from '../auth/session.ts';
import { useAccountSettings } from '../accounts/accounts-api.ts';
import { useUpdateAccountSettings } from './two-factor-api.ts';

/**
 * An admin's switch for the account's demand that every member has a second factor. It cannot be
 * switched on while the admin has none (the server refuses too), so nobody locks themself out.
 */
export function RequireTwoFactorSetting({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const settings = useAccountSettings(accountId);
  const update = useUpdateAccountSettings(accountId);
  const hasOwnSecondFactor = user.twoFactor.totp || user.twoFactor.passkeys > 0;

  return (
    <section className="section" aria-labelledby="require-two-factor">
      <h2 id="require-two-factor">{t('two_factor.require_title')}</h2>
      {settings.isError && <QueryLoadError query={settings} />}
      {settings.data && (
        <>
          {update.isError && <Alert tone="error">{describeApiError(update.error, t)}</Alert>}
          {update.isSuccess && <Alert tone="success">{t('two_factor.require_saved')}</Alert>}
          <CheckboxField
            label={t('two_factor.require_label')}
            hint={t('two_factor.require_hint')}
            checked={settings.data.requireTwoFactor}
            disabled={update.isPending || (!hasOwnSecondFactor && !settings.data.requireTwoFactor)}
            onChange={(event) => update.mutate({ requireTwoFactor: event.currentTarget.checked })}
          />
          {!hasOwnSecondFactor && !settings.data.requireTwoFactor && (
            <p>
              {t('two_factor.require_own_missing')} <Link to="/security">{t('two_factor.go_to_security')}</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

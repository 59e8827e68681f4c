import { useState } from 'react';
import { z } from 'zod';
import { disableTotpRequestSchema, totpCodeSchema } from '../../../shared/schemas/two-factor.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { TotpCodeField } from './totp-code-field.tsx';
import { useSession } from '../auth/session.ts';
import { RecoveryCodesList } from './recovery-codes-list.tsx';
import { TotpQrCode } from './totp-qr-code.tsx';
import { useDisableTotp, useEnableTotp, useStartTotpSetup } from './two-factor-api.ts';

const enableFormSchema = z.strictObject({ code: totpCodeSchema });

/** The security page's section: turn TOTP on (QR code, key, confirming code, recovery codes) or off. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  return (
    <section aria-labelledby="security-two-factor">
      <h2 id="security-two-factor">{t('two_factor.title')}</h2>
      <p>{t('two_factor.intro')}</p>
      {recoveryCodes ? (
        <RecoveryCodesList codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : user.twoFactor.totp ? (
        <>
          <p>{t('two_factor.status_on', { count: user.twoFactor.recoveryCodesLeft })}</p>
          <DisableTotpForm />
        </>
      ) : (
        <TotpSetup onEnabled={setRecoveryCodes} />
      )}
    </section>
  );
}

function TotpSetup({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const setup = useStartTotpSetup();
  const enable = useEnableTotp();
  const form = useValidatedForm(enableFormSchema);

  if (!setup.data) {
    return (
      <>
        <p>{t('two_factor.status_off')}</p>
        {setup.isError && <Alert tone="error">{describeApiError(setup.error, t)}</Alert>}
        <Button variant="primary" isPending={setup.isPending} onClick={() => setup.mutate()}>
          {t('two_factor.start_setup')}
        </Button>
      </>
    );
  }
  return (
    <div className="two-factor__setup">
      <p>{t('two_factor.setup_step_scan')}</p>
      <TotpQrCode uri={setup.data.otpauthUri} label={t('two_factor.qr_alt')} />
      <p>
        {t('two_factor.secret_label')}{' '}
        <code className="two-factor__secret" data-testid="totp-secret">
          {setup.data.secret}
        </code>
      </p>
      <form
        className="form"
        noValidate
        onSubmit={form.handleSubmit((body) => enable.mutate(body, { onError: form.showApiError, onSuccess: (response) => onEnabled(response.recoveryCodes) }))}
      >
        {enable.isError && <Alert tone="error">{describeApiError(enable.error, t)}</Alert>}
        <TotpCodeField error={form.errorFor('code')} />
        <Button type="submit" variant="primary" isPending={enable.isPending}>
          {t('two_factor.confirm')}
        </Button>
      </form>
    </div>
  );
}

function DisableTotpForm() {
  const { t } = useTranslation();
  const disable = useDisableTotp();
  const form = useValidatedForm(disableTotpRequestSchema);
  return (
    <form className="form" noValidate onSubmit={form.handleSubmit((body) => disable.mutate(body, { onError: form.showApiError }))}>
      <h3>{t('two_factor.disable_title')}</h3>
      <p>{t('two_factor.disable_intro')}</p>
      {disable.isError && <Alert tone="error">{describeApiError(disable.error, t)}</Alert>}
      <TextField
        label={t('two_factor.field.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={form.errorFor('password')}
      />
      <TotpCodeField error={form.errorFor('code')} />
      <Button type="submit" variant="danger" isPending={disable.isPending}>
        {t('two_factor.disable_submit')}
      </Button>
    </form>
  );
}

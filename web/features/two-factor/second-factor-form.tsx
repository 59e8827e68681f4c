import { useState } from 'react';
import { z } from 'zod';
import { recoveryCodeSchema, totpCodeSchema, type SecondFactorChallenge } from '../../../shared/schemas/two-factor.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { ApiError } from '../../lib/api/api-error.ts';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { TotpCodeField } from './totp-code-field.tsx';
import { useFinishSignIn } from './two-factor-api.ts';

const codeFormSchema = z.strictObject({ code: totpCodeSchema });
const recoveryFormSchema = z.strictObject({ recoveryCode: recoveryCodeSchema });

interface SecondFactorFormProps {
  challenge: SecondFactorChallenge;
  /** Back to the password (the pending sign-in expired, or the person wants to start over). */
  onRestart: () => void;
}

/** The sign-in's second step: a code from the app, or one of the recovery codes. */
export function SecondFactorForm({ challenge, onRestart }: SecondFactorFormProps) {
  const { t } = useTranslation();
  const [isRecovery, setIsRecovery] = useState(!challenge.methods.includes('totp'));
  const finish = useFinishSignIn();
  const codeForm = useValidatedForm(codeFormSchema);
  const recoveryForm = useValidatedForm(recoveryFormSchema);
  const form = isRecovery ? recoveryForm : codeForm;
  const isExpired = finish.error instanceof ApiError && finish.error.code === 'unauthenticated';

  return (
    <>
      <p>{t('two_factor.signin_intro')}</p>
      {finish.isError && (
        <Alert tone="error">
          {finish.error instanceof ApiError && finish.error.code === 'invalid_credentials' ? t('two_factor.wrong_code') : describeApiError(finish.error, t)}
        </Alert>
      )}
      {isExpired ? (
        <Button variant="primary" onClick={onRestart}>
          {t('two_factor.signin_again')}
        </Button>
      ) : (
        <form
          key={isRecovery ? 'recovery' : 'code'}
          className="form"
          noValidate
          onSubmit={
            isRecovery
              ? recoveryForm.handleSubmit((body) => finish.mutate(body, { onError: form.showApiError }))
              : codeForm.handleSubmit((body) => finish.mutate(body, { onError: form.showApiError }))
          }
        >
          {isRecovery ? (
            <TextField
              label={t('two_factor.field.recovery_code')}
              hint={t('two_factor.field.recovery_code_hint')}
              name="recoveryCode"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              error={recoveryForm.errorFor('recoveryCode')}
            />
          ) : (
            <TotpCodeField error={codeForm.errorFor('code')} />
          )}
          <Button type="submit" variant="primary" isPending={finish.isPending}>
            {t('two_factor.signin_submit')}
          </Button>
        </form>
      )}
      {!isExpired && challenge.methods.includes('totp') && (
        <Button
          variant="quiet"
          onClick={() => {
            finish.reset();
            setIsRecovery((value) => !value);
          }}
        >
          {isRecovery ? t('two_factor.use_app_code') : t('two_factor.use_recovery_code')}
        </Button>
      )}
    </>
  );
}

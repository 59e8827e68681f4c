import { TextField } from '../../components/ui/text-field.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

/** The six digits from the authenticator app, named `code` (totpCodeSchema), offered to the phone's one-time-code autofill. */
export function TotpCodeField({ error }: { error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('two_factor.field.code')}
      hint={t('two_factor.field.code_hint')}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      required
      error={error}
    />
  );
}

import { Alert } from '../../components/ui/alert.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { describePasskeyError } from './describe-passkey-error.ts';

/** A passkey attempt that did not finish: calm (info) when the person closed the prompt, else an error. */
export function PasskeyErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { text, isCalm } = describePasskeyError(error, t);
  return <Alert tone={isCalm ? 'info' : 'error'}>{text}</Alert>;
}

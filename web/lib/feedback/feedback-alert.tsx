import { Alert } from '../../components/ui/alert.tsx';
import { describeActionError } from '../api/describe-api-error.ts';
import type { MessageKey, MessageParams } from '../i18n/translate.ts';
import { useTranslation } from '../i18n/use-translation.ts';

/** The outcome of the latest action in a list; kept untranslated so a language switch updates it. */
export type Feedback = { tone: 'success'; key: MessageKey; params: MessageParams } | { tone: 'error'; error: unknown };

export function FeedbackAlert({ feedback }: { feedback: Feedback | null }) {
  const { t, language } = useTranslation();
  if (!feedback) return null;
  if (feedback.tone === 'success') return <Alert tone="success">{t(feedback.key, feedback.params)}</Alert>;
  return <Alert tone="error">{describeActionError(feedback.error, t, language)}</Alert>;
}

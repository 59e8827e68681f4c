import { useState } from 'react';
import type { MessageKey, MessageParams } from '../i18n/translate.ts';
import type { Feedback } from './feedback-alert.tsx';

/**
 * The outcome of the latest action in a list of rows, for `FeedbackAlert`: each action clears the
 * previous outcome first, so an old success never stands beside a new attempt.
 */
export function useActionFeedback() {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const showError = (error: unknown) => setFeedback({ tone: 'error', error });
  return {
    feedback,
    setFeedback,
    showError,
    /** Clears the previous outcome and gives mutate() the callbacks that show this one's success (`key`) or its error. */
    reportOutcome: (key: MessageKey, params: MessageParams) => {
      setFeedback(null);
      return { onSuccess: () => setFeedback({ tone: 'success', key, params }), onError: showError };
    },
  };
}

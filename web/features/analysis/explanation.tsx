import type { ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

/**
 * How a figure is computed, behind a native disclosure: it opens with a tap, Enter or Space and
 * prints open or closed as the reader left it, unlike a hover tooltip. The figure's name follows
 * the summary for screen readers, which otherwise hear the same "how" link many times.
 */
export function Explanation({ subject, children }: { subject: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className="explanation">
      <summary>
        {t('analysis.explanation')}
        <span className="visually-hidden">: {subject}</span>
      </summary>
      <div className="explanation__body">{children}</div>
    </details>
  );
}

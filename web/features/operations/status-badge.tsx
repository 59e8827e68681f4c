import { useTranslation } from '../../lib/i18n/use-translation.ts';

export type StatusTone = 'ok' | 'failing' | 'running' | 'none';

const icons: Record<StatusTone, string> = { ok: '✓', failing: '✕', running: '…', none: '–' };
const toneClass: Record<StatusTone, string> = { ok: 'status--ok', failing: 'status--failing', running: 'status--neutral', none: 'status--neutral' };

/** Green or red with an icon and a word: the state never rests on colour alone. */
export function StatusBadge({ tone }: { tone: StatusTone }) {
  const { t } = useTranslation();
  return (
    <span className={`status ${toneClass[tone]}`}>
      <span className="status__icon" aria-hidden="true">
        {icons[tone]}
      </span>
      {t(`operations.status.${tone}`)}
    </span>
  );
}

import type { BackupCheckState } from '../../../shared/schemas/operations.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

/** A check's state (ok, pending, failing) or a run's. */
export type StatusTone = BackupCheckState | 'running' | 'none';

const icons: Record<StatusTone, string> = { ok: '✓', pending: '○', failing: '✕', running: '…', none: '–' };
const toneClass: Record<StatusTone, string> = {
  ok: 'status--ok',
  pending: 'status--neutral',
  failing: 'status--failing',
  running: 'status--neutral',
  none: 'status--neutral',
};

/** Green, grey or red with an icon and a word: the state never rests on colour alone. */
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

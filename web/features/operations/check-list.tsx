import type { BackupCheckState, BackupStatus } from '../../../shared/schemas/operations.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { StatusBadge } from './status-badge.tsx';
import { Timestamp } from './timestamp.tsx';

const stateOrder: Record<BackupCheckState, number> = { failing: 0, pending: 1, ok: 2 };

/** Every check: the failing ones first with what they mean and what to do about them, then the pending ones. */
export function CheckList({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  // Array.prototype.sort is stable: within each group the API's order stays.
  const checks = [...status.checks].sort((a, b) => stateOrder[a.state] - stateOrder[b.state]);
  const params = { days: status.recoveryWindow.targetDays, fullDays: status.recoveryWindow.targetDays + 1 };

  return (
    <ul className="check-list">
      {checks.map((check) => (
        <li key={check.code} className={`check-list__item check-list__item--${check.state}`}>
          <div className="check-list__header">
            <h3 className="check-list__title">{t(`operations.check.${check.code}`)}</h3>
            <StatusBadge tone={check.state} />
          </div>
          <p className="check-list__evidence">
            {check.state === 'pending' ? (
              <span className="muted">{t('operations.check_pending')}</span>
            ) : check.observedAt ? (
              <>
                {t('operations.check_evidence')} <Timestamp value={check.observedAt} now={status.generatedAt} />
              </>
            ) : (
              <span className="muted">{t('operations.check_no_evidence')}</span>
            )}
          </p>
          {check.state === 'failing' && (
            <dl className="check-list__help">
              <dt>{t('operations.check_meaning')}</dt>
              <dd>{t(`operations.check.${check.code}.meaning`, params)}</dd>
              <dt>{t('operations.check_action')}</dt>
              <dd>{t(`operations.check.${check.code}.action`, params)}</dd>
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}

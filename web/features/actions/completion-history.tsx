import type { Completion } from '../../../shared/schemas/action.ts';
import { formatAmount } from '../../lib/i18n/format-amount.ts';
import { formatDateTime } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useSession } from '../auth/session.ts';

/** When the action was done, at what cost and by whom (the signed-in person as "you"), newest first. */
export function CompletionHistory({ completions }: { completions: readonly Completion[] }) {
  const { t, language } = useTranslation();
  const { user } = useSession();
  if (completions.length === 0) return <p className="muted">{t('actions.history.none')}</p>;

  function recorder({ completedBy, completedByName }: Completion): string {
    if (completedBy === user.id) return t('actions.history.you', { name: user.name });
    // Both are null once the user is deleted (the foreign key sets them so).
    return completedByName ?? t('actions.history.removed_user');
  }

  return (
    <div className="table-scroll">
      <table className="table completion-history">
        <thead>
          <tr>
            <th scope="col">{t('actions.history.year')}</th>
            <th scope="col" className="table__number">
              {t('actions.history.actual_cost')}
            </th>
            <th scope="col">{t('actions.history.note')}</th>
            <th scope="col">{t('actions.history.by')}</th>
            <th scope="col">{t('actions.history.at')}</th>
          </tr>
        </thead>
        <tbody>
          {completions.map((completion) => (
            <tr key={completion.id}>
              <td>{completion.year}</td>
              <td className="table__number">{completion.actualCost === null ? t('actions.history.no_cost') : formatAmount(completion.actualCost, language)}</td>
              <td className="table__name completion-history__note">{completion.note}</td>
              <td className="table__name">{recorder(completion)}</td>
              <td>{formatDateTime(completion.completedAt, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

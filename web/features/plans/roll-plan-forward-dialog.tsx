import { Link } from 'react-router';
import { statusNames } from '../../../shared/statuses.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useActions } from '../actions/actions-api.ts';
import { findUnfinishedEarlierActions } from './unfinished-earlier-actions.ts';

interface RollPlanForwardDialogProps {
  accountId: string;
  planId: string;
  /** The start year the plan is about to get, and its length, which stays. */
  toYear: number | null;
  lengthYears: number;
  isPending: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before the start year moves on, naming the actions that will then be overdue: due before the
 * new start year and not done, they land in the new start year and count as maintenance debt.
 */
export function RollPlanForwardDialog({ accountId, planId, toYear, lengthYears, isPending, error, onConfirm, onCancel }: RollPlanForwardDialogProps) {
  const { t, language } = useTranslation();
  const actions = useActions(planId);
  const year = toYear ?? 0;
  const unfinished = actions.data ? findUnfinishedEarlierActions(actions.data, year) : null;

  return (
    <ConfirmDialog
      isOpen={toYear !== null}
      title={t('plans.roll.confirm_title', { year })}
      confirmLabel={t('plans.roll.confirm', { year })}
      confirmVariant="primary"
      cancelLabel={t('action.cancel')}
      isPending={isPending || actions.isPending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t('plans.roll.window', { startYear: year, endYear: year + lengthYears - 1 })}</p>
      {actions.isPending && <Spinner label={t('plans.roll.checking')} />}
      {actions.isError && <Alert tone="error">{describeApiError(actions.error, t)}</Alert>}
      {unfinished?.count === 0 && <p>{t('plans.roll.no_unfinished', { year })}</p>}
      {unfinished && unfinished.count > 0 && (
        <div className="roll-warning">
          <p className="roll-warning__count">
            {unfinished.count === 1 ? t('plans.roll.unfinished.one', { year }) : t('plans.roll.unfinished.other', { count: unfinished.count, year })}
          </p>
          <p>{t('plans.roll.consequence', { year })}</p>
          <ul className="roll-warning__list">
            {unfinished.shown.map((action) => (
              <li key={action.id}>
                <Link to={`/accounts/${accountId}/plans/${planId}/actions/${action.id}`}>{action.name}</Link>
                <span className="roll-warning__meta">{t('plans.roll.action_meta', { year: action.year, status: statusNames[action.status][language] })}</span>
              </li>
            ))}
          </ul>
          {unfinished.remaining > 0 && <p>{t('plans.roll.more', { count: unfinished.remaining })}</p>}
          <p>{t('plans.roll.advice')}</p>
        </div>
      )}
      {error !== null && error !== undefined && <Alert tone="error">{describeApiError(error, t)}</Alert>}
    </ConfirmDialog>
  );
}

import { Link } from 'react-router';
import { Button } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { planPath } from '../plan-core/plan-route-params.ts';

interface PlanEmptyStatesProps {
  accountId: string;
  planId: string;
  canEdit: boolean;
  hasActions: boolean;
  onClear: () => void;
}

/** Why an action view is empty, and the next step: add the first action, or clear the filters. */
export function PlanEmptyStates({ accountId, planId, canEdit, hasActions, onClear }: PlanEmptyStatesProps) {
  const { t } = useTranslation();
  if (!hasActions) {
    return (
      <EmptyState
        title={t('plan_views.empty_title')}
        action={
          canEdit && (
            <>
              <Link className="button button--primary" to={`${planPath(accountId, planId)}/actions/new`}>
                {t('plan_views.create_first')}
              </Link>
              <Link className="button button--secondary" to={`${planPath(accountId, planId)}/generate`}>
                {t('generate.open')}
              </Link>
            </>
          )
        }
      >
        <p>{t(canEdit ? 'plan_views.empty_text_editor' : 'plan_views.empty_text_viewer')}</p>
        {canEdit && <p>{t('generate.empty_plan_hint')}</p>}
      </EmptyState>
    );
  }
  // Both views show every action when no filter is set, so a plan with actions is only empty through its filters.
  return (
    <EmptyState title={t('plan_views.no_match_title')} action={<Button onClick={onClear}>{t('plan_views.filter.clear')}</Button>}>
      <p>{t('plan_views.no_match_text')}</p>
    </EmptyState>
  );
}

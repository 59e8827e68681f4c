import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { ApiError } from '../../lib/api/api-error.ts';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { usePlan } from '../plan-core/plans-api.ts';

/**
 * The action screens sit beside the plan page, not inside it, so each loads the plan itself:
 * loading, a missing or foreign plan (the same 404), or a failure, before the screen.
 */
export function PlanGate({ accountId, planId, children }: { accountId: string; planId: string; children: (plan: Plan) => ReactNode }) {
  const { t } = useTranslation();
  const plan = usePlan(planId);
  if (plan.isPending) return <Spinner label={t('loading')} />;
  if (plan.isError) {
    if (isNotFound(plan.error)) return <ActionNotFound accountId={accountId} what="plan" />;
    return <QueryLoadError query={plan} />;
  }
  return children(plan.data);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'not_found';
}

/**
 * A missing and a foreign id look the same (docs/product/domain.md § Accounts and tenancy), with a
 * way on: the plan, or the start page.
 */
export function ActionNotFound({ accountId, what, planUrl }: { accountId: string; what: 'plan' | 'action'; planUrl?: string }) {
  const { t } = useTranslation();
  const title = what === 'plan' ? t('actions.plan_not_found_title') : t('actions.not_found_title');
  usePageTitle(title);
  return (
    <EmptyState
      headingLevel={1}
      title={title}
      action={
        planUrl === undefined ? (
          <Link to={`/accounts/${encodeURIComponent(accountId)}`}>{t('actions.go_to_start')}</Link>
        ) : (
          <Link to={planUrl}>{t('actions.back_to_plan')}</Link>
        )
      }
    >
      <p>{what === 'plan' ? t('actions.plan_not_found_text') : t('actions.not_found_text')}</p>
    </EmptyState>
  );
}

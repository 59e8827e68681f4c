import { useParams } from 'react-router';

/**
 * The account and plan of the plan page and its tabs (`/accounts/:accountId/plans/:planId/…`).
 * Each tab loads the plan itself with `usePlan(planId)`, which the layout has already cached, so
 * no outlet context is needed.
 */
export function usePlanRouteParams(): { accountId: string; planId: string } {
  const { accountId, planId } = useParams();
  if (accountId === undefined || planId === undefined) {
    throw new Error('usePlanRouteParams is only for routes under /accounts/:accountId/plans/:planId');
  }
  return { accountId, planId };
}

export function planPath(accountId: string, planId: string): string {
  return `/accounts/${encodeURIComponent(accountId)}/plans/${encodeURIComponent(planId)}`;
}

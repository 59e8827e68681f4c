/** The property page's address (web/app/app-routes.tsx); the plan's is `planPath` of plan-route-params.ts. */
export const propertyPath = (accountId: string, propertyId: string) =>
  `/accounts/${encodeURIComponent(accountId)}/properties/${encodeURIComponent(propertyId)}`;

/**
 * What the action screens hand the plan's per-year view when they send the person back there
 * (router location state), so it can say which action was created or deleted.
 */
export interface ActionFeedbackState {
  actionFeedback: { kind: 'created' | 'deleted'; name: string };
}

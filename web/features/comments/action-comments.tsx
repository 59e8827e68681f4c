/** Placeholder: the comments feature replaces it with the action's comment thread. */
export function ActionComments(_props: { planId: string; actionId: string }) {
  return null;
}

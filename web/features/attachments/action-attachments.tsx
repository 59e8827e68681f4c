/** Placeholder: the attachments feature replaces it with the action's files. */
export function ActionAttachments(_props: { planId: string; actionId: string }) {
  return null;
}

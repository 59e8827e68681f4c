/** Invitation links stay valid for a week. */
export const invitationLifetimeMs = 7 * 24 * 3_600_000;

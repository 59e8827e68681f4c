import { z } from 'zod';
import { idSchema } from './common.ts';
import { roleSchema } from './role.ts';

/**
 * An invitation as the invited person sees it. The account name is chosen by whoever invites, so
 * the web app shows it as data beside the inviting person's name and address, never as a sender.
 */
export const receivedInvitationSchema = z.object({
  id: idSchema,
  accountName: z.string(),
  role: roleSchema,
  /** The properties the invitation is limited to, by name; null: every property of the account. */
  propertyNames: z.array(z.string()).nullable(),
  invitedBy: z.object({ name: z.string(), email: z.string() }),
  expiresAt: z.string(),
});
export type ReceivedInvitation = z.infer<typeof receivedInvitationSchema>;

export const receivedInvitationsResponseSchema = z.array(receivedInvitationSchema);

export const acceptedInvitationResponseSchema = z.object({ accountId: idSchema, role: roleSchema });
export type AcceptedInvitationResponse = z.infer<typeof acceptedInvitationResponseSchema>;

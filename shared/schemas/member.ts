import { z } from 'zod';
import { emailSchema, idSchema, nameSchema } from './common.ts';
import { newPasswordSchema } from './password.ts';
import { roleSchema } from './role.ts';
import { userSchema } from './auth.ts';

export const memberSchema = z.object({
  userId: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
});
export type Member = z.infer<typeof memberSchema>;

/** A pending invitation of an e-mail address, registered or not, as the account's admins see it. */
export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const membersResponseSchema = z.object({
  members: z.array(memberSchema),
  invitations: z.array(invitationSchema),
  /** False without SMTP: the admin then copies each invitation's link and hands it over (docs/decisions/0030-invitations-need-consent.md). */
  canSendEmail: z.boolean(),
});
export type MembersResponse = z.infer<typeof membersResponseSchema>;

export const inviteMemberRequestSchema = z.strictObject({ email: emailSchema, role: roleSchema });
export type InviteMemberRequest = z.infer<typeof inviteMemberRequestSchema>;

/**
 * Every address is invited, never added: the same answer whether or not it belongs to a user, so it
 * reveals nothing about who is registered, and nobody becomes a member without accepting.
 */
export const inviteMemberResponseSchema = z.object({
  status: z.literal('invited'),
  invitation: invitationSchema.pick({ id: true, email: true, role: true, expiresAt: true }),
});
export type InviteMemberResponse = z.infer<typeof inviteMemberResponseSchema>;

/** A fresh link for a pending invitation, for installations that cannot send e-mail. */
export const invitationLinkResponseSchema = z.object({ link: z.string() });
export type InvitationLinkResponse = z.infer<typeof invitationLinkResponseSchema>;

export const changeRoleRequestSchema = z.strictObject({ role: roleSchema });
export type ChangeRoleRequest = z.infer<typeof changeRoleRequestSchema>;

/** What the sign-up-by-invitation page shows before the user chooses a password. */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  accountName: z.string(),
  role: roleSchema,
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const acceptInvitationRequestSchema = z.strictObject({
  name: nameSchema,
  password: newPasswordSchema,
});
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequestSchema>;

export const acceptInvitationResponseSchema = z.object({
  user: userSchema,
  accountId: idSchema,
  csrfToken: z.string(),
});
export type AcceptInvitationResponse = z.infer<typeof acceptInvitationResponseSchema>;

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

/** A pending invitation of an e-mail address that has no user yet. */
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
});
export type MembersResponse = z.infer<typeof membersResponseSchema>;

export const inviteMemberRequestSchema = z.strictObject({ email: emailSchema, role: roleSchema });
export type InviteMemberRequest = z.infer<typeof inviteMemberRequestSchema>;

/** An existing user is added at once; a new e-mail address gets a single-use sign-up link. */
export const inviteMemberResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('added'), member: memberSchema }),
  z.object({ status: z.literal('invited'), invitation: invitationSchema }),
]);
export type InviteMemberResponse = z.infer<typeof inviteMemberResponseSchema>;

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

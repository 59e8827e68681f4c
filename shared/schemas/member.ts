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
  /** The properties the member may reach; null: every property of the account (docs/decisions/0041-access-per-property.md). */
  propertyIds: z.array(idSchema).nullable(),
});
export type Member = z.infer<typeof memberSchema>;

/** A pending invitation of an e-mail address, registered or not, as the account's admins see it. */
export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  role: roleSchema,
  propertyIds: z.array(idSchema).nullable(),
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

/**
 * Properties an invitation or membership is limited to: at least one, each once. An admin manages
 * the whole account, so an admin is never limited (docs/decisions/0041-access-per-property.md).
 */
const propertyIdsSchema = z.array(idSchema).min(1, { error: 'member.property_ids_empty' }).max(1000);
const scopedRoleRule = (request: { role?: string; propertyIds?: string[] | null }) => !(request.role === 'admin' && request.propertyIds);
const scopedRoleError = { error: 'member.admin_not_scoped', path: ['propertyIds'] };

export const inviteMemberRequestSchema = z
  .strictObject({ email: emailSchema, role: roleSchema, propertyIds: propertyIdsSchema.optional() })
  .refine(scopedRoleRule, scopedRoleError);
export type InviteMemberRequest = z.infer<typeof inviteMemberRequestSchema>;

/**
 * Every address is invited, never added: the same answer whether or not it belongs to a user, so it
 * reveals nothing about who is registered, and nobody becomes a member without accepting.
 */
export const inviteMemberResponseSchema = z.object({
  status: z.literal('invited'),
  invitation: invitationSchema.pick({ id: true, email: true, role: true, propertyIds: true, expiresAt: true }),
});
export type InviteMemberResponse = z.infer<typeof inviteMemberResponseSchema>;

/** A fresh link for a pending invitation, for installations that cannot send e-mail. */
export const invitationLinkResponseSchema = z.object({ link: z.string() });
export type InvitationLinkResponse = z.infer<typeof invitationLinkResponseSchema>;

/** PATCH /api/accounts/:accountId/members/:userId: a new role, a new set of properties (null: all), or both. */
export const updateMemberRequestSchema = z
  .strictObject({ role: roleSchema.optional(), propertyIds: propertyIdsSchema.nullable().optional() })
  .refine((request) => request.role !== undefined || request.propertyIds !== undefined, { error: 'member.no_change', path: ['role'] })
  .refine(scopedRoleRule, scopedRoleError);
export type UpdateMemberRequest = z.infer<typeof updateMemberRequestSchema>;

/** What the sign-up-by-invitation page shows before the user chooses a password. */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  accountName: z.string(),
  role: roleSchema,
  /** The properties the invitation is limited to, by name; null: every property of the account. */
  propertyNames: z.array(z.string()).nullable(),
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

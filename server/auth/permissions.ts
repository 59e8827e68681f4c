import type { Role } from '../../shared/schemas/role.ts';

/**
 * The one permission table: role → what it may do. Anything not listed is denied.
 * Viewers read, comment and upload; editors also write the plan data; admins also manage members.
 */
/** `comments:write` / `attachments:write`: add them, and delete one's own. */
const viewerActions = ['account:read', 'comments:write', 'attachments:write'] as const;
/**
 * `plans:write`: create, change and delete organisations, properties, buildings, locations, plans and actions.
 * `attachments:moderate`: delete anyone's attachment (files are part of the plan's documentation, which editors keep).
 */
const editorActions = [...viewerActions, 'plans:write', 'attachments:moderate'] as const;
/** `comments:moderate`: delete anyone's comment (a comment is a person's words, so only admins may remove others'). */
const adminActions = [...editorActions, 'members:manage', 'comments:moderate'] as const;

export type Permission = (typeof adminActions)[number];

const permissionsByRole: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(viewerActions),
  editor: new Set(editorActions),
  admin: new Set(adminActions),
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].has(permission);
}

import type { Role } from '../../shared/schemas/role.ts';

/**
 * The one permission table: role → what it may do. Anything not listed is denied.
 * Viewers read, comment and upload; editors also write the plan data; admins also manage members.
 */
const viewerActions = ['account:read'] as const;
/** `plans:write`: create, change and delete organisations, properties, buildings, locations, plans and actions. */
const editorActions = [...viewerActions, 'plans:write'] as const;
const adminActions = [...editorActions, 'members:manage'] as const;

export type Permission = (typeof adminActions)[number];

const permissionsByRole: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(viewerActions),
  editor: new Set(editorActions),
  admin: new Set(adminActions),
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].has(permission);
}

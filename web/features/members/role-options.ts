import { roles, type Role } from '../../../shared/schemas/role.ts';
import type { SelectOption } from '../../components/ui/select-field.tsx';
import type { Translate } from '../../lib/i18n/translate.ts';

export function roleName(role: Role, t: Translate): string {
  return t(`role.${role}`);
}

/** From least to most privileged, as in shared/schemas/role.ts. */
export function roleOptions(t: Translate): SelectOption[] {
  return roles.map((role) => ({ value: role, label: roleName(role, t) }));
}

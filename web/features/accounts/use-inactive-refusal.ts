import type { AccountSettings } from '../../../shared/schemas/account.ts';
import type { Membership } from '../../../shared/schemas/auth.ts';
import { useSession } from '../auth/session.ts';
import { useAccountSettings } from './accounts-api.ts';

export type InactiveRefusal = { kind: 'pending' } | { kind: 'refused'; account: AccountSettings } | { kind: 'allowed' };

/**
 * Whether the account answers the signed-in member 403 `account_inactive`: a customer account's
 * own member while it is inactive, unless a member of its manager account too
 * (docs/decisions/0044-inactive-account-page.md). Only an own member's answer waits for the
 * account's settings; a manager's members are never refused.
 */
export function useInactiveRefusal(membership: Membership | undefined): InactiveRefusal {
  const { memberships } = useSession();
  const isOwnMember = membership?.via === 'member';
  const settings = useAccountSettings(membership?.accountId ?? '', { enabled: isOwnMember });
  if (!isOwnMember) return { kind: 'allowed' };
  if (settings.isPending) return { kind: 'pending' };
  const account = settings.data;
  if (account?.status === 'inactive' && !memberships.some((other) => other.accountId === account.manager?.id)) return { kind: 'refused', account };
  return { kind: 'allowed' };
}

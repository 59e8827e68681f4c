import { useMatch } from 'react-router';
import type { Membership } from '../../../shared/schemas/auth.ts';
import { useSession } from '../auth/session.ts';

/**
 * The account chosen in the URL (`/accounts/:accountId/...`), if the user is a member of it.
 * Matched here rather than read from route params so the header, which sits above the
 * account routes, sees it too.
 */
export function useSelectedMembership(): Membership | undefined {
  const match = useMatch('/accounts/:accountId/*');
  const { memberships } = useSession();
  return memberships.find((membership) => membership.accountId === match?.params.accountId);
}

/** For screens inside RequireMembership, which renders them only for a member. */
export function useCurrentMembership(): Membership {
  const membership = useSelectedMembership();
  if (!membership) throw new Error('useCurrentMembership is only for screens inside RequireMembership');
  return membership;
}

/**
 * Writes to the account as a whole (its organisations and new properties, its library, members,
 * customers, settings) are for members who reach every property: one limited to some is refused
 * them (docs/product/api.md § Members and invitations).
 */
export function canWriteAccountWide(membership: Membership): boolean {
  return membership.role !== 'viewer' && membership.propertyIds === null;
}

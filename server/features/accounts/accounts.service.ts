import type { AccountSettings, CreateAccountRequest, CreatedAccount, UpdateAccountRequest } from '../../../shared/schemas/account.ts';
import type { Actor } from '../../auth/actor.ts';
import { requirePermission } from '../../auth/require-permission.ts';
import { findSecondFactors } from '../../auth/second-factors.queries.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import { insertAccount } from '../auth/auth.queries.ts';
import { insertMembership } from '../members/members.queries.ts';
import { selectAccountSettings, updateRequireTwoFactor } from './accounts.queries.ts';

/**
 * Another account for the signed-in user (a manager's employee who also sits on a board, a
 * consultant with a firm of their own), who becomes its admin: sign-up is for new people only.
 */
export async function createAccount(deps: Deps, actor: Actor, input: CreateAccountRequest, ip: string): Promise<CreatedAccount> {
  return deps.db.transaction().execute(async (transaction) => {
    const account = await insertAccount(transaction, input.name);
    await insertMembership(transaction, account.id, actor.userId, 'admin');
    await recordAuditEvent(transaction, { event: 'account.created', userId: actor.userId, accountId: account.id, ip });
    return { id: account.id, name: account.name };
  });
}

/**
 * Any member may read the settings, also one refused the account's data for want of a second
 * factor: this is where the web app learns why.
 */
export async function findAccountSettings(deps: Deps, actor: Actor, accountId: string): Promise<AccountSettings> {
  const account = await requirePermission(deps.db, actor, accountId, 'account:read', { isAccessExplained: true, servesLimitedMembers: true });
  return selectAccountSettings(deps.db, account);
}

/**
 * Changes an account's settings (admins: the same permission as managing members). Requiring a
 * second factor is refused while the admin has none themself, so they cannot lock themself out.
 */
export async function updateAccount(deps: Deps, actor: Actor, accountId: string, input: UpdateAccountRequest): Promise<AccountSettings> {
  return deps.db.transaction().execute(async (transaction) => {
    const account = await requirePermission(transaction, actor, accountId, 'members:manage');
    if (input.requireTwoFactor) {
      const own = await findSecondFactors(transaction, actor.userId);
      if (!own.totp && own.passkeys === 0) {
        throw new AppError('two_factor_required', 'Set up two-step verification for yourself before requiring it of the members.');
      }
    }
    await updateRequireTwoFactor(transaction, account, input.requireTwoFactor);
    await recordAuditEvent(transaction, {
      event: 'two_factor.required_changed',
      userId: actor.userId,
      accountId: account,
      ip: actor.ip,
      details: { requireTwoFactor: input.requireTwoFactor },
    });
    return selectAccountSettings(transaction, account);
  });
}

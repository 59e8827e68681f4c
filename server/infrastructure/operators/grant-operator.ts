import type { Db } from '../../db/database.ts';
import { recordAuditEvent } from '../audit-events.queries.ts';
import { findUserByEmailForUpdate, markUserAsOperator } from './operators.queries.ts';

/**
 * Makes the user with this e-mail address an operator (for `ops grant-operator <email>`). False
 * when no user has the address. A change is written to the audit log in the same transaction;
 * granting to someone who already is an operator changes nothing and writes nothing.
 * Takes the database, not a transaction: it opens its own.
 */
export async function grantOperator(db: Db, email: string): Promise<boolean> {
  // Addresses are stored trimmed and lower-cased (shared/schemas/common.ts).
  const address = email.trim().toLowerCase();
  return db.transaction().execute(async (transaction) => {
    const user = await findUserByEmailForUpdate(transaction, address);
    if (!user) return false;
    if (!user.is_operator) {
      await markUserAsOperator(transaction, user.id);
      await recordAuditEvent(transaction, { event: 'operator.granted', userId: user.id, details: { via: 'ops grant-operator' } });
    }
    return true;
  });
}

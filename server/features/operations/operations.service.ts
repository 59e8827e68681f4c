import type { Actor } from '../../auth/actor.ts';
import type { Deps } from '../../deps.ts';
import { forbidden } from '../../http/app-error.ts';
import { readBackupStatus } from '../../infrastructure/backup-status/backup-status.ts';
import { isOperator } from '../../infrastructure/operators/operators.queries.ts';

/**
 * The backup status is about the whole installation, not one account, so it is not in the
 * role → permission table: only installation operators (users.is_operator) may read it.
 */
export async function findBackupStatus(deps: Deps, actor: Actor) {
  if (!(await isOperator(deps.db, actor.userId))) throw forbidden('Only installation operators can see the backup status');
  return readBackupStatus(deps.db, {
    isManagedCluster: deps.config.databaseUrl === undefined,
    pitrWindowDays: deps.config.backup.pitrWindowDays,
    haExpectedReplicas: deps.config.haExpectedReplicas,
  });
}

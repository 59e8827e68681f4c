import { backupCommand } from './backup.ts';
import type { Command } from './command.ts';
import { haUsage } from './ha.ts';
import { drillCommand } from './drill.ts';
import { dumpCommand, expireDumpsCommand, listDumpsCommand, restoreDumpCommand } from './dumps.ts';
import { grantOperatorCommand } from './grant-operator.ts';
import { restoreCommand } from './restore.ts';
import { runJobCommand } from './run-job.ts';
import { statusCommand } from './status.ts';
import { checkCommand, verifyCommand } from './verify.ts';

export const commands: Record<string, Command> = {
  status: statusCommand,
  backup: backupCommand,
  restore: restoreCommand,
  dump: dumpCommand,
  'list-dumps': listDumpsCommand,
  'expire-dumps': expireDumpsCommand,
  'restore-dump': restoreDumpCommand,
  drill: drillCommand,
  verify: verifyCommand,
  check: checkCommand,
  'grant-operator': grantOperatorCommand,
  'run-job': runJobCommand,
};

export const usage = `Usage: npm run ops -- <command>
  status [--json]                     recovery window, last backups, dump, archiver, drill; exit 1 when stale or failing
  backup [--type full|diff|incr]      take a physical backup now (default full)
  dump                                take and store an encrypted logical dump now
  restore --to <ISO-8601|latest> --into <dir> [--port <n>]
                                      restore to that moment into a NEW directory and start it; prints
                                      {"dataDir","port","databaseUrl","caFile"}
  restore --stop --into <dir>         stop a restored cluster
  restore-dump [--from <key|file>] --into <dir> [--port <n>]
                                      restore a logical dump (default the newest) into a new cluster
  list-dumps [--json]                 the stored dumps, newest first
  expire-dumps                        delete dumps older than DUMP_RETENTION_DAYS (never the newest)
  drill                               restore the newest backup into a scratch cluster and check it
  verify                              check the repository's integrity
  check                               check that WAL archiving works
  grant-operator <email>              let a user see the operations page
  run-job account-lifecycle [--now <ISO-8601>]
                                      run the job at once (with --now as its clock); prints what it did
${haUsage}`;

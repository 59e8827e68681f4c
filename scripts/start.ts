/**
 * `npm start` after the shell wrapper has installed what is missing: the managed PostgreSQL
 * cluster (unless DATABASE_URL is set), local TLS material and secrets, the HTTPS server, then the
 * backup schedule. Ctrl-C / SIGTERM at any moment stop what has started so far: the scheduler,
 * the server, and then the cluster this process started.
 */
import type { LocalCluster } from '../ops/local-cluster.ts';
import { ensureLocalCluster } from '../ops/local-cluster.ts';
import { ensureSecret } from '../ops/local-secrets.ts';
import { ensureLocalTls } from '../ops/local-tls.ts';
import { createOpsContext, type OpsContext } from '../ops/ops-context.ts';
import { describeSchedule, startBackupScheduler, type BackupScheduler } from '../ops/schedule/backup-scheduler.ts';
import { queueFirstBackupsIfMissing } from '../ops/schedule/first-backups.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { startServer, type RunningServer } from '../server/main.ts';

const log = (message: string) => console.log(message);

/** What has been started so far, stopped in reverse order. */
const started: { cluster?: LocalCluster; server?: RunningServer; opsContext?: OpsContext; scheduler?: BackupScheduler } = {};
let isStopping = false;

async function stopEverything(): Promise<void> {
  // Running backup jobs get a short grace period; pg-boss marks any still running as failed.
  await started.scheduler?.stop().catch((error: unknown) => console.error('backup scheduler did not stop cleanly:', error));
  await started.opsContext?.close();
  await started.server?.close();
  await started.cluster?.stop();
}

function onSignal(signal: string): void {
  if (isStopping) return;
  isStopping = true;
  log(`${signal} received: stopping.`);
  stopEverything().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) started.cluster = await ensureLocalCluster({ dataDir: config.dataDir, backup: config.backup, log });
  const localTls = config.tlsCertFile ? undefined : await ensureLocalTls(config.dataDir);
  const server = (started.server = await startServer({
    config,
    databaseUrl: config.databaseUrl ?? started.cluster!.databaseUrl,
    databaseCaFile: config.databaseCaFile ?? started.cluster?.caFile,
    sessionSecret: config.sessionSecret ?? (await ensureSecret(config.dataDir, 'session-secret', 48)),
    tls: localTls ?? { certFile: config.tlsCertFile!, keyFile: config.tlsKeyFile! },
  }));
  if (localTls) log(`Local certificate authority: ${localTls.caFile} (trust it to avoid browser warnings)`);

  // A failure deep inside a library (a lost database connection in a job library's bookkeeping)
  // must not take the whole service down: log it loudly and keep serving.
  process.on('unhandledRejection', (reason) => server.app.log.error({ err: reason }, 'unhandled promise rejection'));

  // Scheduled jobs and alerts log through the server's logger, so alerts are error-level entries.
  const schedulerLog = server.app.log.child({ component: 'backup-scheduler' });
  const opsContext = (started.opsContext = await createOpsContext(config, (message) => schedulerLog.info(message)));
  const scheduler = (started.scheduler = await startBackupScheduler(opsContext, {
    log: { info: (message) => schedulerLog.info(message), error: (message) => schedulerLog.error(message) },
  }));
  log(`Backup schedule active: ${describeSchedule(scheduler.schedule)}`);
  const queued = await queueFirstBackupsIfMissing(opsContext, scheduler).catch((error: Error) => {
    schedulerLog.error(`could not queue the first backups: ${error.message}`);
    return [];
  });
  if (queued.length > 0) log(`No ${joinWithOr(queued)} yet: running them now.`);
}

/** `a`, `a or b`, `a, b or c`. */
function joinWithOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

main().catch(async (error: unknown) => {
  // A stop signal during start-up makes the step in progress fail; the signal handler exits.
  if (isStopping) return;
  isStopping = true;
  console.error(error instanceof ConfigError ? error.message : error);
  await stopEverything().catch(() => undefined);
  process.exit(1);
});

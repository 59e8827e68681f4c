/**
 * `npm start` after the shell wrapper has installed what is missing: the managed PostgreSQL
 * cluster (unless DATABASE_URL is set), local TLS material and secrets, the HTTPS server, then the
 * backup schedule. Ctrl-C / SIGTERM stop the scheduler, the server, and then the cluster this
 * process started.
 */
import { ensureLocalCluster } from '../ops/local-cluster.ts';
import { ensureSecret } from '../ops/local-secrets.ts';
import { ensureLocalTls } from '../ops/local-tls.ts';
import { createOpsContext } from '../ops/ops-context.ts';
import { describeSchedule, startBackupScheduler } from '../ops/schedule/backup-scheduler.ts';
import { queueFirstBackupsIfMissing } from '../ops/schedule/first-backups.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { startServer } from '../server/main.ts';

const log = (message: string) => console.log(message);

async function main(): Promise<void> {
  const config = loadConfig();
  const cluster = config.databaseUrl ? undefined : await ensureLocalCluster({ dataDir: config.dataDir, backup: config.backup, log });
  const localTls = config.tlsCertFile ? undefined : await ensureLocalTls(config.dataDir);
  let stopping = false;
  const server = await startServer({
    config,
    databaseUrl: config.databaseUrl ?? cluster!.databaseUrl,
    databaseCaFile: config.databaseCaFile ?? cluster?.caFile,
    sessionSecret: config.sessionSecret ?? (await ensureSecret(config.dataDir, 'session-secret', 48)),
    tls: localTls ?? { certFile: config.tlsCertFile!, keyFile: config.tlsKeyFile! },
  }).catch(async (error: unknown) => {
    await cluster?.stop();
    throw error;
  });
  if (localTls) log(`Local certificate authority: ${localTls.caFile} (trust it to avoid browser warnings)`);

  // Scheduled jobs and alerts log through the server's logger, so alerts are error-level entries.
  const schedulerLog = server.app.log.child({ component: 'backup-scheduler' });
  const startSchedule = async () => {
    const opsContext = await createOpsContext(config, (message) => schedulerLog.info(message));
    const scheduler = await startBackupScheduler(opsContext, {
      log: { info: (message) => schedulerLog.info(message), error: (message) => schedulerLog.error(message) },
    }).catch(async (error: unknown) => {
      await opsContext.close();
      throw error;
    });
    return { opsContext, scheduler };
  };
  const { opsContext, scheduler } = await startSchedule().catch(async (error: unknown) => {
    await server.close();
    await cluster?.stop();
    throw error;
  });
  log(`Backup schedule active: ${describeSchedule(scheduler.schedule)}`);
  const queued = await queueFirstBackupsIfMissing(opsContext, scheduler).catch((error: Error) => {
    schedulerLog.error(`could not queue the first backups: ${error.message}`);
    return [];
  });
  if (queued.length > 0) log(`No ${queued.join(' or ')} yet: queued now.`);

  // A failure deep inside a library (a lost database connection in a job library's bookkeeping)
  // must not take the whole service down: log it loudly and keep serving.
  process.on('unhandledRejection', (reason) => server.app.log.error({ err: reason }, 'unhandled promise rejection'));

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping.`);
    // Running backup jobs get a short grace period; pg-boss marks any still running as failed.
    await scheduler.stop().catch((error: unknown) => console.error('backup scheduler did not stop cleanly:', error));
    await opsContext.close();
    await server.close();
    await cluster?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import { availableParallelism } from 'node:os';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { recordRun } from '../backup-runs.ts';
import {
  bootstrap,
  clusterUrl,
  ensureSocketDir,
  findFreePort,
  initCluster,
  installServerCertificate,
  isFree,
  isRunning,
  pgCtl,
  startCluster,
} from '../local-cluster.ts';
import { writeLocalClusterConfig } from '../local-cluster-config.ts';
import { ensureSecret } from '../local-secrets.ts';
import { ensureLocalTls } from '../local-tls.ts';
import { storageFor, type ObjectStorage } from '../object-storage.ts';
import { OpsError, type OpsContext } from '../ops-context.ts';
import type { RestoredCluster } from '../point-in-time-restore.ts';
import { decryptToFile } from './dump-encryption.ts';
import { listDumps } from './list-dumps.ts';
import { libpqEnvironment, postgresClientBinary, runTool, withScratchDirectory } from './postgres-client.ts';

export interface RestoreDumpOptions {
  /** A dump's key in the dump storage, or the path of a dump file; the newest dump when omitted. */
  from?: string;
  /** The new cluster's data directory: must not exist, or be empty. */
  into: string;
  /** TCP port of the new cluster; a free one from 55432 up when omitted. */
  port?: number;
  trigger?: 'schedule' | 'manual';
}

const APP_ROLE = 'kvarter';

/**
 * Restores an encrypted logical dump into a NEW PostgreSQL cluster in `into` (the live cluster
 * is never touched) and leaves it running: initdb (SCRAM, checksums) as the cluster owner, the
 * managed cluster's TLS setup (same CA, TLS 1.3 only, `hostnossl … reject`), role `kvarter` with
 * the app's password owning database `kvarter`, then `pg_restore` over TLS verify-full.
 * The dump is decrypted into a private temporary file and only used once its GCM tag checked out.
 * Returns what `ops restore` prints; stop it with stopRestoredCluster (point-in-time-restore.ts).
 */
export async function restoreDump(context: OpsContext, options: RestoreDumpOptions): Promise<RestoredCluster> {
  const into = path.resolve(options.into);
  const outcome = await recordRun(context, 'restore-dump', options.trigger ?? 'manual', async () => {
    const startedAt = Date.now();
    checkNotLive(context, into);
    const intoExisted = await prepareTarget(into);
    const storage = storageFor(context);
    let started = false;
    try {
      return await withScratchDirectory(context.config.dataDir, async (scratch) => {
        const source = await openDump(context, storage, options.from);
        const plain = path.join(scratch, 'restore.dump');
        context.log(`Decrypting ${source.description}…`);
        await decryptToFile(source.stream, await context.backupPassphrase(), plain);

        const port = await choosePort(options.port);
        const tls = await ensureLocalTls(context.config.dataDir);
        const superuserPassword = await ensureSecret(context.config.dataDir, 'postgres-superuser-password');
        const appPassword = await ensureSecret(context.config.dataDir, 'database-password');
        await createCluster(context, into, superuserPassword);
        await installServerCertificate(tls.certFile, tls.keyFile, into);
        const socketDir = await ensureSocketDir(into, into, port, context.owner);
        await writeLocalClusterConfig({ pgDataDir: into, port, socketDir, ownerName: context.owner.name, ownerIsPostgres: context.owner.isSeparateUser });
        await context.owner.adopt(into);
        started = true;
        await startCluster(context.owner, into, port, context.log, path.join(into, 'restore-server.log'));
        await bootstrap({ port, ca: await readFile(tls.caFile, 'utf8'), superuserPassword, appPassword, log: context.log });

        const databaseUrl = clusterUrl(port, APP_ROLE, appPassword, APP_ROLE);
        const { stderr } = await runTool(
          await postgresClientBinary('pg_restore'),
          ['--no-owner', `--role=${APP_ROLE}`, '--exit-on-error', '--no-password', `--jobs=${Math.min(4, availableParallelism())}`, '-d', APP_ROLE, plain],
          libpqEnvironment(databaseUrl, tls.caFile, 'kvarter-restore-dump'),
        );
        if (stderr) context.log(`pg_restore reported: ${stderr}`);

        const restored: RestoredCluster = { dataDir: into, port, databaseUrl, caFile: tls.caFile };
        const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
        context.log(`Restored ${source.description} into ${into} in ${seconds} s; PostgreSQL is running on port ${port}.`);
        return {
          restored,
          sizeBytes: source.sizeBytes,
          message: `restored ${source.description} in ${seconds} s`,
          details: { from: source.description, into, port },
        };
      });
    } catch (error) {
      await tearDown(context, into, intoExisted, started);
      throw error;
    }
  });
  return outcome.restored;
}

function checkNotLive(context: OpsContext, into: string): void {
  const managed = path.join(context.config.dataDir, 'postgres');
  const live = [managed, context.cluster?.pgDataDir].filter((directory): directory is string => Boolean(directory));
  if (live.some((directory) => into === directory || into.startsWith(`${directory}${path.sep}`) || directory.startsWith(`${into}${path.sep}`))) {
    throw new OpsError('The restore target must be a new directory, away from the live cluster.');
  }
}

/** Refuses a non-empty target; returns whether it existed (empty) before. */
async function prepareTarget(into: string): Promise<boolean> {
  const entries = await readdir(into).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    if (error.code === 'ENOTDIR') throw new OpsError(`${into} is a file; restore into a new directory.`);
    throw error;
  });
  if (entries && entries.length > 0) throw new OpsError(`${into} is not empty; restore into a new directory.`);
  await mkdir(path.dirname(into), { recursive: true });
  return entries !== undefined;
}

interface DumpSource {
  stream: Readable;
  description: string;
  sizeBytes: number | undefined;
}

async function openDump(context: OpsContext, storage: ObjectStorage, from: string | undefined): Promise<DumpSource> {
  if (from === undefined) {
    const newest = (await listDumps(context, storage))[0];
    if (!newest) throw new OpsError(`There is no dump in ${storage.location} yet: take one with \`npm run ops -- dump\`.`);
    return { stream: await storage.get(newest.key), description: storage.where(newest.key), sizeBytes: newest.sizeBytes };
  }
  const file = path.resolve(from);
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return { stream: createReadStream(file), description: file, sizeBytes: info.size };
  if (path.isAbsolute(from) || from.startsWith('.') || from.includes(path.sep)) throw new OpsError(`There is no dump file at ${file}.`);
  const stored = (await storage.list(from)).find((object) => object.key === from);
  if (!stored) throw new OpsError(`There is no dump "${from}" in ${storage.location} (and no such file). \`npm run ops -- status\` lists the last dump.`);
  return { stream: await storage.get(from), description: storage.where(from), sizeBytes: stored.size };
}

async function choosePort(wanted: number | undefined): Promise<number> {
  if (wanted === undefined) return findFreePort();
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > 65535) throw new OpsError(`${wanted} is not a TCP port.`);
  if (!(await isFree(wanted))) throw new OpsError(`Port ${wanted} is in use; choose another with --port or leave it out.`);
  return wanted;
}

/**
 * initdb with the managed cluster's settings (initCluster), in a private staging directory beside
 * `into` that is then renamed into place: initCluster hands its whole directory to the cluster
 * owner, which must not be `into`'s parent.
 */
async function createCluster(context: OpsContext, into: string, superuserPassword: string): Promise<void> {
  const staging = await mkdtemp(path.join(path.dirname(into), `.${path.basename(into)}.init-`));
  try {
    await context.owner.ensureTraversable(path.dirname(into), context.log);
    await initCluster(staging, path.join(staging, 'data'), superuserPassword, context.owner, context.log);
    await rmdir(into).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(path.join(staging, 'data'), into);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** After a failure: nothing half-restored stays running or lying around. */
async function tearDown(context: OpsContext, into: string, intoExisted: boolean, started: boolean): Promise<void> {
  try {
    if (started && (await isRunning(context.owner, into))) await pgCtl(context.owner, into, ['-m', 'immediate', '-w', '-t', '60', 'stop']);
    await rm(into, { recursive: true, force: true });
    if (intoExisted) await mkdir(into, { mode: 0o700 });
  } catch (error) {
    context.log(`Could not clean up ${into} after the failed restore: ${error instanceof Error ? error.message : String(error)}`);
  }
}

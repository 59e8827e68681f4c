import { once } from 'node:events';
import { readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3Config } from '../server/config.ts';
import { addMember } from '../server/test-support/add-member.ts';
import { startAppServer, type RunningServer } from '../server/test-support/app-server.ts';
import { startS3TestServer, type S3TestServer } from '../server/test-support/s3-test-server.ts';
import { TestClient } from '../server/test-support/test-app.ts';
import type { LocalCluster } from './local-cluster.ts';
import { ensureLocalTls } from './local-tls.ts';
import {
  createTestDataDir,
  isPostgresRunning,
  query,
  quietMoment,
  readableCaCopy,
  restoreWithOps,
  runOps,
  snapshotTables,
  startManagedCluster,
  stopPostgres,
  waitFor,
  type TableSnapshot,
} from './test-support/durability.ts';

/**
 * Point-in-time recovery with the repository in S3 (s3rver over TLS, as BACKUP_S3_* configures
 * it), and what happens to WAL archiving when S3 cannot be reached for a while.
 */

const password = 'ett långt och ovanligt lösenord';

/**
 * A TCP relay in front of the S3 test server: the cluster's endpoint is the relay's port, so
 * closing the relay makes S3 unreachable (connections refused, open ones cut) and opening it
 * again on the same port brings the same server, with the same stored objects, back.
 */
class Relay {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly targetPort: number) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

let dataDir: string;
let s3: S3TestServer;
let relay: Relay;
let s3Environment: Record<string, string>;
let cluster: LocalCluster;
let app: RunningServer;
const restoredDirs: string[] = [];

beforeAll(async () => {
  dataDir = await createTestDataDir('pitr-s3');
  // The S3 server presents the data directory's own localhost certificate; pgBackRest (running
  // as the postgres user) verifies it against a readable copy of the CA.
  const tls = await ensureLocalTls(dataDir);
  const caFile = await readableCaCopy(dataDir);
  s3 = await startS3TestServer({ certFile: tls.certFile, keyFile: tls.keyFile, caFile });
  relay = new Relay(s3.port);
  await relay.open();
  const s3Config: S3Config = {
    endpoint: `localhost:${relay.port}`,
    bucket: s3.bucket,
    region: 'us-east-1',
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    caFile,
  };
  s3Environment = { ...s3.backupEnvironment, BACKUP_S3_ENDPOINT: s3Config.endpoint };
  cluster = await startManagedCluster(dataDir, s3Config);
  app = await startAppServer({ databaseUrl: cluster.databaseUrl, databaseCaFile: cluster.caFile, dataDir });
}, 180_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  for (const restored of restoredDirs) await stopPostgres(restored).catch(() => undefined);
  // S3 must be reachable while the cluster shuts down: PostgreSQL archives what is left first.
  await relay?.open().catch(() => undefined);
  await cluster?.stop().catch(() => undefined);
  if (cluster) await stopPostgres(cluster.pgDataDir).catch(() => undefined);
  await relay?.close();
  await s3?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 180_000);

let ipCounter = 0;

async function signUp(name: string): Promise<{ client: TestClient; email: string; userId: string; accountId: string }> {
  const client = new TestClient(app.app, `10.78.0.${++ipCounter}`);
  const email = `${name.toLowerCase()}@example.se`;
  const response = await client.post('/api/auth/signup', { email, password, name, accountName: `Brf ${name}` });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json() as { user: { id: string }; account: { id: string } };
  return { client, email, userId: body.user.id, accountId: body.account.id };
}

const ops = (...args: string[]) => runOps(dataDir, args, s3Environment);

async function expectRestoredEquals(snapshot: TableSnapshot, restoredUrl: string, caFile: string): Promise<void> {
  const restored = await snapshotTables(restoredUrl, caFile);
  expect(Object.keys(restored)).toEqual(Object.keys(snapshot));
  for (const table of Object.keys(snapshot)) expect(restored[table], `table ${table}`).toEqual(snapshot[table]);
}

async function stopRestored(into: string): Promise<void> {
  const stopped = await ops('restore', '--stop', '--into', into);
  expect(stopped.exitCode, stopped.stderr).toBe(0);
  expect(await isPostgresRunning(into)).toBe(false);
}

describe('point-in-time restore from an S3 repository', () => {
  it('restores exactly the data of a moment T from backups and WAL kept in S3', async () => {
    const alice = await signUp('Alice');
    const bob = await signUp('Bob');
    await addMember(alice.client, alice.accountId, bob, 'editor');

    const backup = await ops('backup');
    expect(backup.exitCode, backup.stderr).toBe(0);
    const [run] = await query<{ outcome: string; kind: string }>(
      cluster.databaseUrl,
      cluster.caFile,
      "select kind, outcome from backup_runs where kind = 'full'",
    );
    expect(run).toEqual({ kind: 'full', outcome: 'succeeded' });
    const [state] = await query<{ repository_type: string }>(cluster.databaseUrl, cluster.caFile, 'select repository_type from backup_repository_state');
    expect(state).toEqual({ repository_type: 's3' });
    // Nothing of the repository is on the local disk: it is all in the bucket.
    expect(await readdir(path.join(dataDir, 'backups', 'pgbackrest'))).toEqual([]);

    await signUp('Carol');
    const invited = await alice.client.post(`/api/accounts/${alice.accountId}/members`, { email: 'dave@example.se', role: 'viewer' });
    expect(invited.statusCode, invited.body).toBe(201);
    const invitationId = (invited.json() as { invitation: { id: string } }).invitation.id;

    const target = await quietMoment();
    const atTarget = await snapshotTables(cluster.databaseUrl, cluster.caFile);
    for (const table of ['users', 'accounts', 'memberships', 'invitations', 'sessions', 'audit_events', 'outbox_emails']) {
      expect(atTarget[table]?.length, `rows in ${table} at T`).toBeGreaterThan(0);
    }

    expect((await alice.client.delete(`/api/accounts/${alice.accountId}/members/${bob.userId}`)).statusCode).toBe(204);
    expect((await alice.client.delete(`/api/accounts/${alice.accountId}/invitations/${invitationId}`)).statusCode).toBe(204);
    await signUp('Erin');

    const into = path.join(dataDir, 'restored-s3');
    const restored = await restoreWithOps(dataDir, target, into, s3Environment);
    restoredDirs.push(into);
    await expectRestoredEquals(atTarget, restored.databaseUrl, restored.caFile);
    // The live cluster keeps its later changes.
    const [live] = await query<{ users: number; memberships: number }>(
      cluster.databaseUrl,
      cluster.caFile,
      'select (select count(*)::int from users) as users, (select count(*)::int from memberships) as memberships',
    );
    expect(live).toEqual({ users: (atTarget.users?.length ?? 0) + 1, memberships: atTarget.memberships?.length ?? 0 });
    await stopRestored(into);
  }, 180_000);

  describe('when S3 is unreachable', () => {
    const archiver = async () =>
      (
        await query<{ last_archived_wal: string | null; failed_count: number; last_failed_wal: string | null; ready: number }>(
          cluster.adminUrl,
          cluster.caFile,
          "select last_archived_wal, failed_count, last_failed_wal, (select count(*)::int from pg_ls_archive_statusdir() where name like '%.ready') as ready from pg_stat_archiver",
        )
      )[0];
    /** Switches to a new WAL segment (after a write, or it stays put); returns the one it closed. */
    const switchWal = async () =>
      (await query<{ segment: string }>(cluster.adminUrl, cluster.caFile, 'select pg_walfile_name(pg_switch_wal()) as segment'))[0]?.segment ?? '';

    it('keeps WAL waiting while S3 is down, catches up once it is back, and loses nothing', async () => {
      // Archiving is healthy before the outage.
      const before = await waitFor(
        'WAL archiving to be up to date',
        async () => {
          const state = await archiver();
          return state && state.ready === 0 ? state : undefined;
        },
        90_000,
      );

      await relay.close();
      const outageStartedAt = Date.now();

      // The application goes on working: its writes wait in pg_wal for the archive.
      const duringOutage = [await signUp('Frank'), await signUp('Gus')];
      const firstOutageSegment = await switchWal();
      await signUp('Hilda');
      await switchWal();
      const target = await quietMoment();
      const atTarget = await snapshotTables(cluster.databaseUrl, cluster.caFile);
      expect(atTarget.users?.map((user) => (user as { email: string }).email)).toEqual(
        expect.arrayContaining([...duringOutage.map((person) => person.email), 'hilda@example.se']),
      );
      await signUp('Ivar');
      const lastSegment = await switchWal();

      const waiting = await archiver();
      expect(waiting?.ready).toBeGreaterThanOrEqual(3);
      expect((waiting?.last_archived_wal ?? '') < firstOutageSegment).toBe(true);

      // pgBackRest gives up on a segment after archive-timeout (60 s); PostgreSQL counts the failure.
      const failing = await waitFor(
        'pg_stat_archiver to count a failure',
        async () => {
          const state = await archiver();
          return state && state.failed_count > before.failed_count ? state : undefined;
        },
        150_000,
        2_000,
      );
      expect(failing.last_failed_wal! >= firstOutageSegment).toBe(true);
      expect((failing.last_archived_wal ?? '') < firstOutageSegment).toBe(true);

      // S3 is back on the same endpoint with the same bucket contents.
      await relay.open();
      const outageSeconds = Math.round((Date.now() - outageStartedAt) / 1000);
      // A write and a switch wake the archiver, which otherwise sleeps up to a minute after failures.
      await query(cluster.adminUrl, cluster.caFile, 'select pg_current_xact_id()');
      const wakeSegment = await switchWal();
      const caughtUp = await waitFor(
        'WAL archiving to catch up',
        async () => {
          const state = await archiver();
          return state?.last_archived_wal && state.last_archived_wal >= wakeSegment ? state : undefined;
        },
        180_000,
        1_000,
      );
      expect(caughtUp.last_archived_wal! >= lastSegment).toBe(true);
      const catchUpSeconds = Math.round((Date.now() - outageStartedAt) / 1000) - outageSeconds;

      // A moment inside the outage restores with every row written then: no gap in the WAL.
      const into = path.join(dataDir, 'restored-in-outage');
      const restored = await restoreWithOps(dataDir, target, into, s3Environment);
      restoredDirs.push(into);
      await expectRestoredEquals(atTarget, restored.databaseUrl, restored.caFile);
      const [ivar] = await query<{ n: number }>(restored.databaseUrl, restored.caFile, "select count(*)::int as n from users where email = 'ivar@example.se'");
      expect(ivar).toEqual({ n: 0 });
      await stopRestored(into);
      console.log(`S3 unreachable for ${outageSeconds} s; WAL archiving caught up ${catchUpSeconds} s after it was back.`);
    }, 480_000);
  });
});

import { access, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../server/test-support/add-member.ts';
import { startAppServer, type RunningServer } from '../server/test-support/app-server.ts';
import { rawRequest } from '../server/test-support/https-request.ts';
import { TestClient } from '../server/test-support/test-app.ts';
import type { LocalCluster } from './local-cluster.ts';
import {
  createTestDataDir,
  isPostgresRunning,
  query,
  quietMoment,
  restoreWithOps,
  runOps,
  snapshotTables,
  startManagedCluster,
  stopPostgres,
  type RestoredCopy,
  type TableSnapshot,
} from './test-support/durability.ts';

/**
 * Point-in-time recovery end to end, on a managed cluster of this file's own (the shared test
 * cluster has many databases cloned concurrently): data written through the API, a full backup,
 * more writes, a moment T, changes and deletions, then `ops restore --to T` into a new directory
 * must give back exactly the data of T, and a second app instance must serve it.
 */

const password = 'ett långt och ovanligt lösenord';
const tenantTables = ['users', 'accounts', 'memberships', 'invitations', 'sessions', 'audit_events', 'outbox_emails', 'login_failures'];

let dataDir: string;
let cluster: LocalCluster;
let live: RunningServer;
const servers: RunningServer[] = [];
const restoredDirs: string[] = [];

beforeAll(async () => {
  dataDir = await createTestDataDir('pitr');
  cluster = await startManagedCluster(dataDir);
  live = await startAppServer({ databaseUrl: cluster.databaseUrl, databaseCaFile: cluster.caFile, dataDir });
  servers.push(live);
}, 120_000);

afterAll(async () => {
  for (const server of servers.reverse()) await server.close().catch(() => undefined);
  for (const restored of restoredDirs) await stopPostgres(restored).catch(() => undefined);
  await cluster?.stop().catch(() => undefined);
  if (cluster) await stopPostgres(cluster.pgDataDir).catch(() => undefined);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 120_000);

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

let ipCounter = 0;
/** Each person gets their own client address, far from the per-IP rate limits. */
const newClient = (app = live.app) => new TestClient(app, `10.77.0.${++ipCounter}`);

interface Person {
  client: TestClient;
  email: string;
  userId: string;
  accountId: string;
}

async function signUp(name: string, accountName: string): Promise<Person> {
  const client = newClient();
  const email = `${name.toLowerCase()}@example.se`;
  const response = await client.post('/api/auth/signup', { email, password, name, accountName });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json() as { user: { id: string }; account: { id: string } };
  return { client, email, userId: body.user.id, accountId: body.account.id };
}

async function invite(admin: Person, email: string, role: 'viewer' | 'editor' | 'admin') {
  const response = await admin.client.post(`/api/accounts/${admin.accountId}/members`, { email, role });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { status: 'invited'; invitation: { id: string } };
}

async function invitationToken(email: string): Promise<string> {
  const [row] = await query<{ body: string }>(
    cluster.databaseUrl,
    cluster.caFile,
    'select body from outbox_emails where recipient = $1 order by created_at desc limit 1',
    [email],
  );
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(row?.body ?? '')?.[1];
  if (!token) throw new Error(`no invitation link e-mailed to ${email}`);
  return token;
}

async function failLogin(email: string): Promise<void> {
  const response = await newClient().post('/api/auth/login', { email, password: 'fel lösenord helt enkelt' });
  expect(response.statusCode).toBe(401);
}

describe('point-in-time restore of the managed cluster', () => {
  let alice: Person;
  let bob: Person;
  let dave: Person;
  let carolId: string;
  let target: Date;
  let atTarget: TableSnapshot;
  let restored: RestoredCopy;
  let archiverFailuresBefore: number | undefined;
  const archiverFailures = async () =>
    (await query<{ failed_count: number }>(cluster.adminUrl, cluster.caFile, 'select failed_count from pg_stat_archiver'))[0]?.failed_count;
  const restoreDir = () => path.join(dataDir, 'restored-at-t');

  it('restores exactly the data of a moment T, row for row, while the live cluster keeps its later changes', async () => {
    // Before the backup: two accounts, a member who accepted an invitation, an invitation e-mailed, a failed sign-in.
    alice = await signUp('Alice', 'Brf Eken');
    bob = await signUp('Bob', 'Brf Björken');
    await addMember(alice.client, alice.accountId, bob, 'editor');
    expect((await invite(alice, 'carol@example.se', 'viewer')).status).toBe('invited');
    await failLogin(bob.email);

    const backup = await runOps(dataDir, ['backup']);
    expect(backup.exitCode, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/full backup \d{8}-\d{6}F in/);

    // After the backup, before T: only the archived WAL has these.
    dave = await signUp('Dave', 'Brf Lönnen');
    const carolClient = newClient();
    const accepted = await carolClient.post(`/api/invitations/${await invitationToken('carol@example.se')}/accept`, { name: 'Carol', password });
    expect(accepted.statusCode, accepted.body).toBe(201);
    carolId = (accepted.json() as { user: { id: string } }).user.id;
    const erin = await invite(alice, 'erin@example.se', 'editor');
    expect(erin.status).toBe('invited');
    const promoted = await alice.client.patch(`/api/accounts/${alice.accountId}/members/${bob.userId}`, { role: 'admin' });
    expect(promoted.statusCode, promoted.body).toBe(200);
    await failLogin(dave.email);

    target = await quietMoment();
    atTarget = await snapshotTables(cluster.databaseUrl, cluster.caFile);
    for (const table of [...tenantTables, 'backup_runs']) expect(atTarget[table]?.length, `rows in ${table} at T`).toBeGreaterThan(0);

    // After T: a member removed, an invitation deleted, sign-ups, a password change, a sign-out.
    expect((await alice.client.delete(`/api/accounts/${alice.accountId}/members/${bob.userId}`)).statusCode).toBe(204);
    expect((await alice.client.delete(`/api/accounts/${alice.accountId}/invitations/${erin.invitation?.id}`)).statusCode).toBe(204);
    await signUp('Frank', 'Brf Aspen');
    expect((await invite(alice, 'gus@example.se', 'viewer')).status).toBe('invited');
    expect((await dave.client.post('/api/auth/password', { currentPassword: password, newPassword: 'ett annat långt lösenord' })).statusCode).toBe(204);
    expect((await carolClient.post('/api/auth/logout')).statusCode).toBe(204);
    const afterChanges = await snapshotTables(cluster.databaseUrl, cluster.caFile);
    archiverFailuresBefore = await archiverFailures();

    // pgBackRest's restore empties the archive queue of the spool path it is given; the live
    // cluster's asynchronous archiving keeps its status files there, so it must not be that one.
    const liveQueueMarker = path.join(dataDir, 'pgbackrest', 'spool', 'archive', 'kvarter', 'restore-test-marker');
    await writeFile(liveQueueMarker, 'must survive restores\n');
    restored = await restoreWithOps(dataDir, target, restoreDir());
    expect(await exists(liveQueueMarker)).toBe(true);
    restoredDirs.push(restored.dataDir);
    expect(restored).toEqual({
      dataDir: restoreDir(),
      port: expect.any(Number),
      databaseUrl: expect.stringMatching(/sslmode=verify-full$/),
      caFile: cluster.caFile,
    });
    expect(restored.port).not.toBe(cluster.port);

    const restoredSnapshot = await snapshotTables(restored.databaseUrl, restored.caFile);
    expect(Object.keys(restoredSnapshot)).toEqual(Object.keys(atTarget));
    for (const table of Object.keys(atTarget)) expect(restoredSnapshot[table], `table ${table}`).toEqual(atTarget[table]);

    // The live cluster was only read: it still has every change made after T, and nothing else
    // but the restore's own record (backup_runs, and its entry in the audit log).
    const liveNow = await snapshotTables(cluster.databaseUrl, cluster.caFile);
    const liveAudit = liveNow.audit_events as { event: string }[];
    expect(liveAudit.at(-1)).toMatchObject({ event: 'restore.point_in_time', details: { outcome: 'succeeded' } });
    liveNow.audit_events = liveAudit.slice(0, -1);
    for (const table of tenantTables) expect(liveNow[table], `live table ${table}`).toEqual(afterChanges[table]);
    expect(liveNow.memberships).not.toEqual(atTarget.memberships);
    expect(liveNow.users).toHaveLength((atTarget.users?.length ?? 0) + 1);
  }, 180_000);

  it('serves the data as of T from a second app instance on the restored copy', async () => {
    expect(restored).toBeDefined();
    const second = await startAppServer({ databaseUrl: restored.databaseUrl, databaseCaFile: restored.caFile, dataDir });
    servers.push(second);
    const baseUrl = `https://localhost:${second.httpsPort}`;
    const ca = await readFile(restored.caFile, 'utf8');
    const login = (email: string) =>
      rawRequest(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        ca,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });

    // Bob was removed from Brf Eken after T; as of T he was one of its admins.
    const signedIn = await login(bob.email);
    expect(signedIn.status, signedIn.body).toBe(200);
    const cookie = String(signedIn.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^__Host-kvarter-session=./);
    const me = await rawRequest(`${baseUrl}/api/auth/me`, { ca, headers: { cookie } });
    expect(me.status, me.body).toBe(200);
    const memberships = (JSON.parse(me.body) as { memberships: { accountId: string; accountName: string; role: string }[] }).memberships;
    expect(memberships).toEqual(
      expect.arrayContaining([
        { accountId: alice.accountId, accountName: 'Brf Eken', role: 'admin', propertyIds: null, via: 'member' },
        { accountId: bob.accountId, accountName: 'Brf Björken', role: 'admin', propertyIds: null, via: 'member' },
      ]),
    );
    expect(memberships).toHaveLength(2);

    // The live app no longer has that membership.
    const liveMe = await bob.client.get('/api/auth/me');
    expect(liveMe.statusCode).toBe(401); // removal from an account revokes the member's sessions
    const liveBob = newClient();
    expect((await liveBob.post('/api/auth/login', { email: bob.email, password })).statusCode).toBe(200);
    expect(((await liveBob.get('/api/auth/me')).json() as { memberships: { accountId: string }[] }).memberships.map((m) => m.accountId)).toEqual([
      bob.accountId,
    ]);

    // Frank signed up after T: unknown to the restored copy. Carol (accepted before T) is there.
    expect((await login('frank@example.se')).status).toBe(401);
    const carolMembers = await query<{ role: string }>(restored.databaseUrl, restored.caFile, 'select role from memberships where user_id = $1', [carolId]);
    expect(carolMembers).toEqual([{ role: 'viewer' }]);

    await second.close();
    servers.splice(servers.indexOf(second), 1);
  }, 60_000);

  it('stops the restored cluster with `ops restore --stop`', async () => {
    expect(restored).toBeDefined();
    expect(await isPostgresRunning(restored.dataDir)).toBe(true);
    const stopped = await runOps(dataDir, ['restore', '--stop', '--into', restored.dataDir]);
    expect(stopped.exitCode, stopped.stderr).toBe(0);
    expect(stopped.stdout).toBe('');
    expect(await isPostgresRunning(restored.dataDir)).toBe(false);
    // The live cluster is untouched.
    expect(await isPostgresRunning(cluster.pgDataDir)).toBe(true);
    const again = await runOps(dataDir, ['restore', '--stop', '--into', restored.dataDir]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain(`Error: No PostgreSQL is running in ${restored.dataDir}.`);
  }, 60_000);

  it('passes a restore drill and records it with the row counts of the restored copy', async () => {
    const drill = await runOps(dataDir, ['drill']);
    expect(drill.exitCode, drill.stderr).toBe(0);
    expect(drill.stderr).toMatch(/Drill passed: restored and checked \d+ tables/);

    const [run] = await query<{
      outcome: string;
      trigger: string;
      finished_at: Date | null;
      details: { rowCounts: Record<string, number>; restoreMs: number };
    }>(
      cluster.databaseUrl,
      cluster.caFile,
      "select outcome, trigger, finished_at, details from backup_runs where kind = 'drill' order by started_at desc limit 1",
    );
    expect(run).toMatchObject({ outcome: 'succeeded', trigger: 'manual', finished_at: expect.any(Date) });
    const liveCounts = Object.fromEntries(
      await Promise.all(
        tenantTables.map(async (table) => [
          table,
          (await query<{ n: number }>(cluster.databaseUrl, cluster.caFile, `select count(*)::int as n from ${table}`))[0]?.n,
        ]),
      ),
    );
    // Nothing was written since the drill's restore: the copy had what the live database has.
    expect(run?.details.rowCounts).toMatchObject(liveCounts);
    expect(run?.details.rowCounts.users).toBe(5);
    expect(run?.details.rowCounts.kysely_migration).toBeGreaterThan(0);
    expect(run?.details.restoreMs).toBeGreaterThan(0);

    // The scratch cluster is stopped and removed.
    expect(await readdir(path.join(dataDir, 'drills'))).toEqual([]);

    // Restores and drills only read the repository: the live cluster's WAL archiving went on
    // undisturbed (a restore once emptied its asynchronous archiving queue, stalling it).
    const check = await runOps(dataDir, ['check']);
    expect(check.exitCode, check.stderr).toBe(0);
    expect(await archiverFailures()).toBe(archiverFailuresBefore);
  }, 120_000);
});

import { execFile } from 'node:child_process';
import { access, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterOwner, type ClusterOwner } from './cluster-owner.ts';
import type { LocalCluster } from './local-cluster.ts';
import { pgBackRestPaths } from './pgbackrest-config.ts';
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
  waitFor,
  type RestoredCopy,
  type TableSnapshot,
  loseDatabaseHost,
} from './test-support/durability.ts';

/**
 * The two procedures of docs/operations.md that replace the live cluster, end to end on a managed
 * cluster of this file's own:
 * (a) "Restore to a point in time and switch the app to it", step 5 the recommended way: the
 *     restored copy becomes `postgres/data` and `ensureLocalCluster` (npm start) takes it over
 *     with archiving on, its timeline history in the repository, and later restores following
 *     the new timeline;
 * (b) "Disaster recovery": the postmaster killed and the data directory deleted, `ops restore
 *     --to latest` brings back everything archived, and the copy is switched in the same way.
 * (b) continues from the cluster (a) switched in, so it also restores across a timeline switch.
 */

const execFileAsync = promisify(execFile);

let dataDir: string;
let owner: ClusterOwner;
/** Every cluster object ensureLocalCluster returned (the original and each switched-in one). */
const clusters: LocalCluster[] = [];
/** Every directory a PostgreSQL may run in, stopped in afterAll whatever happened. */
const clusterDirs = new Set<string>();

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
const liveDataDir = () => path.join(dataDir, 'postgres', 'data');
const archiveDir = () => path.join(pgBackRestPaths(dataDir).repositoryDir, 'archive', 'kvarter', '15-1');
const current = () => clusters.at(-1)!;

beforeAll(async () => {
  owner = await clusterOwner();
  dataDir = await createTestDataDir('dr');
  clusterDirs.add(path.join(dataDir, 'postgres', 'data'));
  clusters.push(await startManagedCluster(dataDir));
}, 120_000);

afterAll(async () => {
  for (const cluster of [...clusters].reverse()) await cluster.stop().catch(() => undefined);
  for (const directory of clusterDirs) await stopPostgres(directory).catch(() => undefined);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 120_000);

/** Rows of the probe table, written as the app role into the app database. */
async function write(statement: string, values: unknown[] = []): Promise<void> {
  await query(current().databaseUrl, current().caFile, statement, values);
}

async function adminValue<T>(statement: string): Promise<T> {
  const [row] = await query<{ value: T }>(current().adminUrl, current().caFile, statement);
  return row?.value as T;
}

async function expectOps(args: string[]): Promise<string> {
  const result = await runOps(dataDir, args);
  expect(result.exitCode, `ops ${args.join(' ')}:\n${result.stderr}`).toBe(0);
  return result.stderr;
}

function parseRestored(stdout: string): RestoredCopy {
  const lines = stdout.trim().split('\n');
  expect(lines, stdout).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as RestoredCopy;
}

/**
 * docs/operations.md a) step 5, "make the copy the managed cluster", with the live cluster already
 * stopped (or lost): stop the copy, move `postgres/data` aside, move the copy into its place,
 * hand it to the postgres user, and start as npm start does.
 */
async function switchIn(copyDir: string): Promise<LocalCluster> {
  expect(await isPostgresRunning(liveDataDir())).toBe(false);
  await expectOps(['restore', '--stop', '--into', copyDir]);
  expect(await isPostgresRunning(copyDir)).toBe(false);
  if (await exists(liveDataDir())) {
    const aside = `${liveDataDir()}.before-${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}`;
    clusterDirs.add(aside);
    await rename(liveDataDir(), aside);
  }
  await rename(copyDir, liveDataDir());
  clusterDirs.delete(copyDir);
  if (owner.isSeparateUser) await execFileAsync('chown', ['-R', `${owner.uid}:${owner.gid}`, liveDataDir()]);
  const switched = await startManagedCluster(dataDir);
  clusters.push(switched);
  expect(switched.pgDataDir).toBe(liveDataDir());
  return switched;
}

/** The timeline the live cluster writes on, from the name of its current WAL file. */
async function currentTimeline(): Promise<number> {
  return Number.parseInt((await adminValue<string>('select pg_walfile_name(pg_current_wal_lsn()) as value')).slice(0, 8), 16);
}

/**
 * The host dies: SIGKILL to the postmaster (first line of postmaster.pid), to every process it
 * started and to pgBackRest's asynchronous archiver of this installation, then the data
 * directory is deleted. The postmaster's System V shared memory segment outlives a SIGKILL;
 * it is removed as a reboot would.
 */
async function loseDataDirectory(): Promise<void> {
  const survivors = await loseDatabaseHost(liveDataDir(), pgBackRestPaths(dataDir).configFile);
  expect(survivors).toEqual([]);
}

describe('switching to a restored copy and recovering from a lost data directory', () => {
  let atT: TableSnapshot;

  it('(a) makes a copy restored to T the managed cluster: archiving on, history archived, backups and later restores work', async () => {
    await write('create table dr_probe(id int primary key, label text not null, written_at timestamptz not null default clock_timestamp())');
    await write("insert into dr_probe(id, label) select g, 'before backup' from generate_series(1, 3) g");
    expect(await expectOps(['backup'])).toMatch(/full backup \d{8}-\d{6}F in/);

    // After the backup, before T: only the archived WAL has these.
    await write("insert into dr_probe(id, label) select g, 'after backup' from generate_series(4, 6) g");
    await write("update dr_probe set label = 'changed before T' where id = 1");
    const target = await quietMoment();
    atT = await snapshotTables(current().databaseUrl, current().caFile);
    expect(atT.dr_probe).toHaveLength(6);

    // After T, on the old timeline: gone once the copy is switched in.
    await write('delete from dr_probe where id = 2');
    await write("insert into dr_probe(id, label) values (7, 'after T'), (8, 'after T')");
    await write("update dr_probe set label = 'changed after T' where id = 4");

    const copyDir = path.join(dataDir, 'restore-t');
    clusterDirs.add(copyDir);
    const copy = await restoreWithOps(dataDir, target, copyDir);
    expect((await snapshotTables(copy.databaseUrl, copy.caFile)).dr_probe).toEqual(atT.dr_probe);

    // Steps 4–5: stop Kvarter (and with it the managed cluster), then switch.
    await current().stop();
    const switched = await switchIn(copyDir);

    // Nothing has written to it yet: exactly the data of T.
    const afterSwitch = await snapshotTables(switched.databaseUrl, switched.caFile);
    expect(Object.keys(afterSwitch)).toEqual(Object.keys(atT));
    for (const table of Object.keys(atT)) expect(afterSwitch[table], `table ${table}`).toEqual(atT[table]);

    expect(await adminValue<string>("select current_setting('archive_mode') as value")).toBe('on');
    expect(await currentTimeline()).toBe(2);
    // Written while the copy did not archive; ensureLocalCluster pushed it at the start.
    expect(await readdir(archiveDir())).toContain('00000002.history');

    await expectOps(['check']);
    expect(await expectOps(['backup'])).toMatch(/full backup \d{8}-\d{6}F in/);

    // A moment after the switch restores the new timeline's data.
    await write("insert into dr_probe(id, label) values (9, 'after switch'), (10, 'after switch')");
    await write("update dr_probe set label = 'changed after switch' where id = 5");
    const target2 = await quietMoment();
    const atT2 = await snapshotTables(switched.databaseUrl, switched.caFile);
    await write('delete from dr_probe where id = 9');
    await write("insert into dr_probe(id, label) values (11, 'after T2')");

    const copy2Dir = path.join(dataDir, 'restore-t2');
    clusterDirs.add(copy2Dir);
    const copy2 = await restoreWithOps(dataDir, target2, copy2Dir);
    const restored2 = await snapshotTables(copy2.databaseUrl, copy2.caFile);
    expect(Object.keys(restored2)).toEqual(Object.keys(atT2));
    for (const table of Object.keys(atT2)) expect(restored2[table], `table ${table}`).toEqual(atT2[table]);
    expect((restored2.dr_probe as { id: number; label: string }[]).map((row) => [row.id, row.label])).toEqual([
      [1, 'changed before T'],
      [2, 'before backup'],
      [3, 'before backup'],
      [4, 'after backup'],
      [5, 'changed after switch'],
      [6, 'after backup'],
      [9, 'after switch'],
      [10, 'after switch'],
    ]);
    await expectOps(['restore', '--stop', '--into', copy2Dir]);
  }, 300_000);

  it('(b) recovers everything archived after the data directory is lost, and takes the copy into service', async () => {
    expect(atT).toBeDefined();
    await write("insert into dr_probe(id, label) select g, 'before loss' from generate_series(100, 120) g");
    await write("update dr_probe set label = 'changed before loss' where id = 3");
    // Close the segment and wait until it is in the repository: the loss then takes nothing
    // that was committed.
    const switchedTo = await adminValue<string>('select pg_walfile_name(pg_switch_wal()) as value');
    await waitFor(
      `${switchedTo} to be archived`,
      async () => {
        const last = await adminValue<string | null>('select last_archived_wal as value from pg_stat_archiver');
        return last && /^[0-9A-F]{24}$/.test(last) && last >= switchedTo ? last : undefined;
      },
      60_000,
      200,
    );
    const atLoss = await snapshotTables(current().databaseUrl, current().caFile);
    const timelineBefore = await currentTimeline();

    await loseDataDirectory();
    expect(await exists(liveDataDir())).toBe(false);

    const copyDir = path.join(dataDir, 'recovered');
    clusterDirs.add(copyDir);
    const restore = await runOps(dataDir, ['restore', '--to', 'latest', '--into', copyDir]);
    expect(restore.exitCode, restore.stderr).toBe(0);
    const copy = parseRestored(restore.stdout);
    expect(copy.dataDir).toBe(copyDir);
    const recovered = await snapshotTables(copy.databaseUrl, copy.caFile);
    expect(Object.keys(recovered)).toEqual(Object.keys(atLoss));
    for (const table of Object.keys(atLoss)) expect(recovered[table], `table ${table}`).toEqual(atLoss[table]);

    const switched = await switchIn(copyDir);
    const afterSwitch = await snapshotTables(switched.databaseUrl, switched.caFile);
    for (const table of Object.keys(atLoss)) expect(afterSwitch[table], `table ${table}`).toEqual(atLoss[table]);
    expect(await adminValue<string>("select current_setting('archive_mode') as value")).toBe('on');
    const timeline = await currentTimeline();
    expect(timeline).toBe(timelineBefore + 1);
    expect(await readdir(archiveDir())).toContain(`${timeline.toString(16).toUpperCase().padStart(8, '0')}.history`);
    await expectOps(['check']);
  }, 300_000);
});

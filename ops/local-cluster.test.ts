import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalCluster, type LocalCluster } from './local-cluster.ts';

// Built by hand rather than with `connectionString`: pg lets `sslmode` in the URL replace the
// `ssl` option, which would drop the CA.
function connect(url: string, ssl: pg.ClientConfig['ssl'], host?: string): Promise<pg.Client> {
  const parsed = new URL(url);
  const client = new pg.Client({
    host: host ?? parsed.hostname,
    port: Number(parsed.port),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: parsed.pathname.slice(1),
    ssl,
    connectionTimeoutMillis: 5000,
  });
  return client.connect().then(
    () => client,
    async (error: unknown) => {
      await client.end().catch(() => {});
      throw error;
    },
  );
}

async function queryOne<T>(url: string, ca: string, sql: string): Promise<T> {
  const client = await connect(url, { ca, rejectUnauthorized: true });
  try {
    return (await client.query(sql)).rows[0] as T;
  } finally {
    await client.end();
  }
}

async function postmasterPid(pgDataDir: string): Promise<number> {
  return Number.parseInt((await readFile(path.join(pgDataDir, 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '', 10);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('ensureLocalCluster', () => {
  let dataDir: string;
  let cluster: LocalCluster;
  let ca: string;
  const clusters: LocalCluster[] = [];
  const messages: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kvarter-cluster-test-'));
    cluster = await ensureLocalCluster({ dataDir, log: (message) => messages.push(message) });
    clusters.push(cluster);
    ca = await readFile(cluster.caFile, 'utf8');
  }, 60_000);

  afterAll(async () => {
    for (const started of clusters.reverse()) await started.stop().catch(() => {});
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('starts a cluster that speaks TLS 1.3 with verify-full', async () => {
    expect(cluster.port).toBeGreaterThanOrEqual(55432);
    expect(cluster.databaseUrl).toMatch(/^postgres:\/\/kvarter:[^@]+@localhost:\d+\/kvarter\?sslmode=verify-full$/);
    expect(cluster.pgDataDir).toBe(path.join(dataDir, 'postgres', 'data'));
    expect(messages.some((message) => message.startsWith('Started PostgreSQL'))).toBe(true);
    const row = await queryOne<{ ssl: boolean; version: string }>(cluster.databaseUrl, ca, 'select ssl, version from pg_stat_ssl where pid = pg_backend_pid()');
    expect(row).toEqual({ ssl: true, version: 'TLSv1.3' });
  });

  it('rejects a connection without TLS', async () => {
    await expect(connect(cluster.databaseUrl, false)).rejects.toThrow(/pg_hba\.conf rejects connection.*no encryption/);
  });

  it('rejects a server it cannot verify', async () => {
    await expect(connect(cluster.databaseUrl, { ca, rejectUnauthorized: true, servername: 'db.example.com' }, '127.0.0.1')).rejects.toMatchObject({
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
    await expect(connect(cluster.databaseUrl, { rejectUnauthorized: true })).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('gives the app its own database without superuser rights, reading statistics only beyond it', async () => {
    const row = await queryOne<Record<string, unknown>>(
      cluster.databaseUrl,
      ca,
      `select current_user as user, r.rolsuper, r.rolcreaterole, r.rolcreatedb, pg_get_userbyid(d.datdba) as owner,
              has_database_privilege('public', 'kvarter', 'connect') as public_connect,
              array(select g.rolname::text from pg_auth_members m join pg_roles g on g.oid = m.roleid
                     where m.member = r.oid order by 1) as memberships
         from pg_roles r, pg_database d where r.rolname = current_user and d.datname = current_database()`,
    );
    expect(row).toEqual({
      user: 'kvarter',
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      owner: 'kvarter',
      public_connect: false,
      memberships: ['pg_read_all_stats'],
    });
    const admin = await queryOne<{ rolsuper: boolean }>(cluster.adminUrl, ca, 'select rolsuper from pg_roles where rolname = current_user');
    expect(admin.rolsuper).toBe(true);
  });

  it('keeps secrets and private keys readable by their owner only', async () => {
    const mode = async (file: string) => (await stat(file)).mode & 0o777;
    for (const name of await readdir(path.join(dataDir, 'secrets'))) expect(await mode(path.join(dataDir, 'secrets', name))).toBe(0o600);
    expect(await mode(path.join(dataDir, 'secrets'))).toBe(0o700);
    expect(await mode(path.join(dataDir, 'tls'))).toBe(0o700);
    expect(await mode(path.join(dataDir, 'tls', 'ca.key'))).toBe(0o600);
    expect(await mode(path.join(dataDir, 'tls', 'server.key'))).toBe(0o600);
    expect(await mode(path.join(cluster.pgDataDir, 'server.key'))).toBe(0o600);
  });

  it('reuses a running cluster and leaves it running when the second caller stops', async () => {
    const startTime = 'select pg_postmaster_start_time()::text as started';
    const before = await queryOne<{ started: string }>(cluster.adminUrl, ca, startTime);
    const second = await ensureLocalCluster({ dataDir });
    expect(second.port).toBe(cluster.port);
    expect(second.databaseUrl).toBe(cluster.databaseUrl);
    await second.stop();
    expect(await queryOne<{ started: string }>(second.adminUrl, ca, startTime)).toEqual(before);
  });

  it('starts again after a crash that left a stale postmaster.pid', async () => {
    const pid = await postmasterPid(cluster.pgDataDir);
    process.kill(pid, 'SIGKILL');
    // The crashed server's children notice and exit on their own; wait so its shared memory is free.
    while (isAlive(pid)) await sleep(50);
    await sleep(500);
    const restarted = await ensureLocalCluster({ dataDir });
    clusters.push(restarted);
    expect(await postmasterPid(restarted.pgDataDir)).not.toBe(pid);
    expect(restarted.port).toBe(cluster.port);
    const row = await queryOne<{ ok: number }>(restarted.databaseUrl, ca, 'select 1 as ok');
    expect(row.ok).toBe(1);
  });

  it('stops the cluster it started', async () => {
    const started = clusters.at(-1)!;
    await started.stop();
    await expect(connect(started.databaseUrl, { ca, rejectUnauthorized: true })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(stat(path.join(started.pgDataDir, 'postmaster.pid'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

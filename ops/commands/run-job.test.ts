import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { created, signUpTeam, type Team } from '../../server/test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../server/test-support/test-app.ts';
import { installationEnvironment, repositoryRoot, type OpsResult } from '../test-support/durability.ts';

let dataDir: string;
let testApp: TestApp;
let manager: Team;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kvarter-run-job-test-'));
  testApp = await createTestApp();
  manager = await signUpTeam(testApp.app);
});
afterAll(async () => {
  await testApp.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** `npm run ops -- run-job …` exactly as an operator types it, against the test database. */
function runJob(args: string[]): Promise<OpsResult> {
  const env = installationEnvironment(dataDir, { DATABASE_URL: testApp.database.url, DATABASE_CA_FILE: testApp.database.caFile });
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'ops', '--', 'run-job', ...args],
      { cwd: repositoryRoot, env, encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ exitCode: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      },
    );
  });
}

it('runs the account-lifecycle job at once with --now as its clock: warns on day 153, deletes on day 183, and prints what it did', async () => {
  const customer = created<{ accountId: string }>(await manager.admin.client.post(`/api/accounts/${manager.accountId}/customers`, { name: 'Brf Kommandot' }));
  expect((await manager.admin.client.patch(`/api/customers/${customer.accountId}`, { status: 'inactive' })).statusCode).toBe(200);
  await sql`update accounts set inactive_since = '2030-01-10T09:00:00Z' where id = ${customer.accountId}`.execute(testApp.database.db);
  const customerLine = `customer "Brf Kommandot" (${customer.accountId}) of account ${manager.accountId}`;

  const early = await runJob(['account-lifecycle', '--now', '2030-06-11T09:00:00Z']);
  expect(early, early.stderr).toMatchObject({
    exitCode: 0,
    stdout: 'account-lifecycle at 2030-06-11T09:00:00.000Z: 0 warning(s), 0 deletion(s), 0 failure(s)\n',
  });

  const warned = await runJob(['account-lifecycle', '--now', '2030-06-12T09:00:00Z']);
  expect(warned, warned.stderr).toMatchObject({
    exitCode: 0,
    stdout: [
      `warned ${manager.admin.email}: ${customerLine} is deleted at 2030-07-12T09:00:00.000Z (30-day warning)`,
      'account-lifecycle at 2030-06-12T09:00:00.000Z: 1 warning(s), 0 deletion(s), 0 failure(s)',
      '',
    ].join('\n'),
  });
  const emails = await testApp.database.db.selectFrom('outbox_emails').select(['recipient', 'subject']).execute();
  expect(emails).toContainEqual({
    recipient: manager.admin.email,
    subject: 'Ett inaktivt kundkonto tas bort om 30 dagar / An inactive customer account will be deleted in 30 days',
  });

  const deleted = await runJob(['account-lifecycle', '--now', '2030-07-12T09:00:00+00:00']);
  expect(deleted, deleted.stderr).toMatchObject({
    exitCode: 0,
    stdout: `deleted ${customerLine}\naccount-lifecycle at 2030-07-12T09:00:00.000Z: 0 warning(s), 1 deletion(s), 0 failure(s)\n`,
  });
  expect(
    await testApp.database.db
      .selectFrom('accounts')
      .select('id')
      .where('id', '=', customer.accountId as never)
      .execute(),
  ).toEqual([]);
});

it('refuses an unknown job and a bad --now with exit code 2 and says why', async () => {
  const unknown = await runJob(['purge-everything']);
  expect(unknown.exitCode).toBe(2);
  expect(unknown.stdout).toBe('');
  expect(unknown.stderr).toContain('Error: Unknown job "purge-everything": run-job <account-lifecycle> [--now <ISO-8601>]');

  const badNow = await runJob(['account-lifecycle', '--now', 'tomorrow']);
  expect(badNow.exitCode).toBe(2);
  expect(badNow.stdout).toBe('');
  expect(badNow.stderr).toContain('Error: --now must be an ISO-8601 time with a time zone (e.g. 2027-06-01T12:00:00Z), not "tomorrow"');
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { asAccountId, type AccountId } from '../../db/account-id.ts';
import { createAttachmentStorage } from '../../features/attachments/attachment-storage.ts';
import { sweepOrphanAttachmentFiles } from '../../features/attachments/sweep-orphan-attachment-files.ts';
import { addMember } from '../../test-support/add-member.ts';
import { listFilesUnder, sampleFiles, uploadFiles } from '../../test-support/attachment-uploads.ts';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { snapshotTenant, tenantTables } from '../../test-support/tenant-snapshot.ts';
import { createTestApp, signUpUser, type TestApp } from '../../test-support/test-app.ts';
import { createOutboxMailer } from '../outbox/outbox-mailer.ts';
import { runAccountLifecycle, type LifecycleMailer } from './run-account-lifecycle.ts';

let dataDir: string;
let testApp: TestApp;
let manager: Team;
let secondAdminEmail: string;
let mailer: LifecycleMailer;
const seenEmails = new Set<string>();

const day = 24 * 60 * 60 * 1000;
/** Which warnings a run sent, as [customer name, days before], by name. */
const warningsOf = (report: { warnings: Array<{ customerName: string; daysBefore: number }> }) =>
  report.warnings.map((warning) => [warning.customerName, warning.daysBefore]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
/** The moment the customers of the timeline became inactive: fixed, so the dates in the e-mails are exact. */
const start = new Date('2030-01-10T09:00:00.000Z');
const dayOf = (days: number, from = start) => new Date(from.getTime() + days * day);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kvarter-lifecycle-test-'));
  testApp = await createTestApp({ environment: { KVARTER_DATA_DIR: dataDir } });
  manager = await signUpTeam(testApp.app);
  const secondAdmin = await signUpUser(testApp.app);
  await addMember(manager.admin.client, manager.accountId, secondAdmin, 'admin');
  secondAdminEmail = secondAdmin.email;
  const outbox = createOutboxMailer(testApp.database.db, undefined, testApp.config.mailFrom);
  mailer = { enqueue: outbox.record, deliver: async (id, email) => void (await outbox.send(id, email)) };
});
afterAll(async () => {
  await testApp.close();
  await rm(dataDir, { recursive: true, force: true });
});

const run = (now: Date) => runAccountLifecycle(testApp.database.db, mailer, { retentionDays: testApp.config.inactiveAccountRetentionDays, now });

/** The e-mails recorded in the outbox since the last call, by recipient. */
async function newEmails() {
  const rows = await testApp.database.db
    .selectFrom('outbox_emails')
    .select(['id', 'recipient', 'subject', 'body'])
    .orderBy('recipient')
    .orderBy('subject')
    .execute();
  const fresh = rows.filter((row) => !seenEmails.has(row.id));
  for (const row of fresh) seenEmails.add(row.id);
  return fresh.map(({ recipient, subject, body }) => ({ recipient, subject, body }));
}

const managerAdmins = () => [manager.admin.email, secondAdminEmail].sort();

async function createCustomer(name: string, trialDays?: number): Promise<AccountId> {
  const customer = created<{ accountId: string }>(
    await manager.admin.client.post(`/api/accounts/${manager.accountId}/customers`, trialDays === undefined ? { name } : { name, trialDays }),
  );
  return asAccountId(customer.accountId);
}

/** Sets the customer inactive through the API, then dates that back to `since` (as if it had happened then). */
async function setInactiveSince(customerId: AccountId, since: Date) {
  expect((await manager.admin.client.patch(`/api/customers/${customerId}`, { status: 'inactive' })).statusCode).toBe(200);
  await sql`update accounts set inactive_since = ${since} where id = ${customerId}`.execute(testApp.database.db);
}

/** Plan data with an action, a comment, an uploaded photo, a version, an action in the trash with its own photo, and a board member. */
async function fillCustomer(customerId: AccountId) {
  const editor = manager.editor.client;
  const ids = await createPropertyWithPlan(editor, customerId);
  const roof = { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031 };
  const kept = created<{ id: string }>(await editor.post(`/api/plans/${ids.planId}/actions`, roof));
  const trashed = created<{ id: string }>(await editor.post(`/api/plans/${ids.planId}/actions`, { ...roof, name: 'Fönsterbyte' }));
  for (const actionId of [kept.id, trashed.id]) created(await uploadFiles(editor, actionId, [{ fileName: 'tak.jpg', content: sampleFiles.jpeg }]));
  created(await editor.post(`/api/actions/${kept.id}/comments`, { body: 'Besiktigat' }));
  created(await editor.post(`/api/plans/${ids.planId}/versions`, { name: 'Antagen' }));
  expect((await editor.delete(`/api/actions/${trashed.id}`)).statusCode).toBe(204);
  await addMember(manager.admin.client, customerId, await signUpUser(testApp.app), 'viewer');
}

/** Every row of every tenant table (and the accounts row) that still names the account. */
async function rowsLeftOf(accountId: AccountId): Promise<Record<string, number>> {
  const left: Record<string, number> = {};
  const { db } = testApp.database;
  const accounts = await sql<{
    count: number;
  }>`select count(*)::int as count from accounts where id = ${accountId} or manager_account_id = ${accountId}`.execute(db);
  if (accounts.rows[0]!.count > 0) left.accounts = accounts.rows[0]!.count;
  for (const table of await tenantTables(db)) {
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from ${sql.table(table)} where account_id = ${accountId}`.execute(db);
    if (rows[0]!.count > 0) left[table] = rows[0]!.count;
  }
  return left;
}

function expectedWarning(to: string, customerName: string, daysLeft: number, svDate: string, enDate: string) {
  return {
    recipient: to,
    subject: `Ett inaktivt kundkonto tas bort om ${daysLeft} dagar / An inactive customer account will be deleted in ${daysLeft} days`,
    body: [
      `Kundkontot "${customerName}" är inaktivt och tas bort den ${svDate}, med allt det innehåller: organisationer, fastigheter, planer, åtgärder, kommentarer, bilagor och historik.`,
      'Vill ni behålla det? Öppna Kunder i Kvarter och gör kundkontot aktivt igen före det datumet.',
      'Du får det här meddelandet eftersom du är administratör för kontot som förvaltar kunden.',
      '',
      `The customer account "${customerName}" is inactive and will be deleted on ${enDate}, with everything it holds: organisations, properties, plans, actions, comments, attachments and history.`,
      'To keep it, open Customers in Kvarter and set the customer account active again before that date.',
      'You receive this message as an admin of the account that manages the customer.',
      '',
    ].join('\n'),
  };
}

it('warns the manager’s admins 30 and 7 days before, once each, and deletes an inactive customer with everything it holds on the day; others are not touched', async () => {
  const { db } = testApp.database;
  const storage = createAttachmentStorage(dataDir, testApp.config.attachments);
  const resting = await createCustomer('Brf Vilande');
  await fillCustomer(resting);
  await setInactiveSince(resting, start);
  // A trial that ended 23 days after `start` counts from its end: deleted at day 206.
  const trial = await createCustomer('Brf Provet', 30);
  expect((await manager.admin.client.patch(`/api/customers/${trial}`, { trialEndsAt: dayOf(23).toISOString() })).statusCode).toBe(200);
  const active = await createCustomer('Brf Aktiv');
  await fillCustomer(active);
  const reactivated = await createCustomer('Brf Tillbaka');
  await setInactiveSince(reactivated, start);
  expect((await manager.admin.client.patch(`/api/customers/${reactivated}`, { status: 'active' })).statusCode).toBe(200);
  // An account that is nobody's customer is never the job's, even when marked inactive.
  const independent = await signUpTeam(testApp.app);
  await createPropertyWithPlan(independent.editor.client, independent.accountId);
  await sql`update accounts set status = 'inactive', inactive_since = ${start} where id = ${independent.accountId}`.execute(db);
  const untouched = async () => [await snapshotTenant(db, active), await snapshotTenant(db, reactivated), await snapshotTenant(db, independent.accountId)];
  const before = await untouched();
  await newEmails();

  expect(await run(dayOf(152))).toEqual({ warnings: [], deletions: [], failures: [] });
  expect(await newEmails()).toEqual([]);

  const restingWarning = { customerId: resting, customerName: 'Brf Vilande', managerId: manager.accountId, deletesAt: dayOf(183), recipients: managerAdmins() };
  expect(await run(dayOf(153))).toEqual({ warnings: [{ ...restingWarning, daysBefore: 30 }], deletions: [], failures: [] });
  expect(await newEmails()).toEqual(managerAdmins().map((to) => expectedWarning(to, 'Brf Vilande', 30, '12 juli 2030', '12 July 2030')));
  expect(await run(new Date(dayOf(153).getTime() + 60 * 60 * 1000))).toEqual({ warnings: [], deletions: [], failures: [] });
  expect(await newEmails()).toEqual([]);

  const trialWarning = { customerId: trial, customerName: 'Brf Provet', managerId: manager.accountId, deletesAt: dayOf(206), recipients: managerAdmins() };
  const day176 = await run(dayOf(176));
  expect(day176.warnings.sort((a, b) => a.customerName.localeCompare(b.customerName))).toEqual([
    { ...trialWarning, daysBefore: 30 },
    { ...restingWarning, daysBefore: 7 },
  ]);
  expect(await newEmails()).toEqual(
    managerAdmins().flatMap((to) => [
      expectedWarning(to, 'Brf Provet', 30, '4 augusti 2030', '4 August 2030'),
      expectedWarning(to, 'Brf Vilande', 7, '12 juli 2030', '12 July 2030'),
    ]),
  );

  expect(await run(dayOf(182))).toEqual({ warnings: [], deletions: [], failures: [] });
  expect(await rowsLeftOf(resting)).toMatchObject({ accounts: 1, action_attachments: 1, trash_items: 1, memberships: 1 });
  const filesBefore = await listFilesUnder(path.join(dataDir, 'attachments', resting));
  expect(filesBefore).toHaveLength(2);

  expect(await run(dayOf(183))).toEqual({
    warnings: [],
    deletions: [{ customerId: resting, customerName: 'Brf Vilande', managerId: manager.accountId }],
    failures: [],
  });
  expect(await newEmails()).toEqual([]);
  expect(await rowsLeftOf(resting)).toEqual({});
  // Its files go with the orphan sweep, as every deleted row's do (docs/decisions/0042-account-lifecycle.md).
  expect(await sweepOrphanAttachmentFiles(db, storage, dayOf(183))).toBe(2);
  expect(await listFilesUnder(path.join(dataDir, 'attachments', resting))).toEqual([]);
  expect(await listFilesUnder(path.join(dataDir, 'attachments', active))).toHaveLength(2);
  const audit = await db
    .selectFrom('audit_events')
    .select(['event', 'user_id', 'details'])
    .where('account_id', '=', manager.accountId)
    .where('event', '=', 'customer.deleted')
    .execute();
  expect(audit).toEqual([
    { event: 'customer.deleted', user_id: null, details: { customerId: resting, customerName: 'Brf Vilande', deletesAt: dayOf(183).toISOString() } },
  ]);

  expect(await run(dayOf(184))).toEqual({ warnings: [], deletions: [], failures: [] });
  expect(await untouched()).toEqual(before);
  expect(await rowsLeftOf(trial)).toEqual({ accounts: 1 });
});

it('sends only the nearest warning when a run comes late, never one for a date already passed, and warns again for a new date', async () => {
  const late = await createCustomer('Brf Sen');
  await setInactiveSince(late, start);
  const later = await createCustomer('Brf Senare');
  await setInactiveSince(later, start);
  await newEmails();
  // The first run 10 days before the deletion: the 30-day warning, saying how long is really left.
  const first = await run(dayOf(173));
  expect(warningsOf(first)).toEqual([
    ['Brf Sen', 30],
    ['Brf Senare', 30],
  ]);
  expect((await newEmails()).map((email) => email.subject)).toEqual(
    Array(4).fill('Ett inaktivt kundkonto tas bort om 10 dagar / An inactive customer account will be deleted in 10 days'),
  );
  expect(warningsOf(await run(dayOf(176)))).toEqual([
    ['Brf Sen', 7],
    ['Brf Senare', 7],
  ]);

  // Extending a trial gives a new date, which is warned again; a warned one is not warned twice.
  const trial = await createCustomer('Brf Förlängd', 30);
  const trialEnd = dayOf(200);
  expect((await manager.admin.client.patch(`/api/customers/${trial}`, { trialEndsAt: trialEnd.toISOString() })).statusCode).toBe(200);
  // The job is down until 3 days before the deletion: only the 7-day warning, once.
  const runs = [await run(dayOf(180, trialEnd)), await run(dayOf(180, trialEnd))];
  expect(runs.map((report) => report.warnings.filter((warning) => warning.customerId === trial).map((warning) => warning.daysBefore))).toEqual([[7], []]);
  const extendedEnd = dayOf(30, trialEnd);
  expect((await manager.admin.client.patch(`/api/customers/${trial}`, { trialEndsAt: extendedEnd.toISOString() })).statusCode).toBe(200);
  expect((await run(dayOf(180, trialEnd))).warnings.filter((warning) => warning.customerId === trial)).toEqual([]);
  const again = await run(dayOf(153, extendedEnd));
  expect(again.warnings.filter((warning) => warning.customerId === trial).map((warning) => [warning.daysBefore, warning.deletesAt])).toEqual([
    [30, dayOf(183, extendedEnd)],
  ]);
});

it('warns and deletes once when two instances run at the same moment', async () => {
  const twice = await createCustomer('Brf Dubbel');
  const since = dayOf(1000);
  await setInactiveSince(twice, since);
  await newEmails();
  const warned = await Promise.all([run(dayOf(160, since)), run(dayOf(160, since))]);
  expect(warned.flatMap((report) => report.warnings.filter((warning) => warning.customerId === twice).map((warning) => warning.daysBefore))).toEqual([30]);
  expect((await newEmails()).map((email) => email.recipient)).toEqual(managerAdmins());
  const deleted = await Promise.all([run(dayOf(183, since)), run(dayOf(183, since))]);
  expect(deleted.flatMap((report) => report.deletions.map((deletion) => deletion.customerId)).filter((id) => id === twice)).toEqual([twice]);
  expect(deleted.flatMap((report) => report.failures)).toEqual([]);
  expect(await rowsLeftOf(twice)).toEqual({});
});

it('warns again after the customer was set active and then inactive again: a new inactive start is a new date', async () => {
  const { db } = testApp.database;
  const customer = await createCustomer('Brf Åter');
  const inactiveSince = async () =>
    (await db.selectFrom('accounts').select('inactive_since').where('id', '=', customer).executeTakeFirstOrThrow()).inactive_since!;
  expect((await manager.admin.client.patch(`/api/customers/${customer}`, { status: 'inactive' })).statusCode).toBe(200);
  const first = await inactiveSince();
  // A second late: inactive_since has microseconds that a JavaScript Date drops.
  const warningsFor = async (now: Date) =>
    (await run(new Date(now.getTime() + 1000))).warnings.filter((warning) => warning.customerId === customer).map((warning) => warning.daysBefore);
  expect(await warningsFor(dayOf(153, first))).toEqual([30]);
  expect(await warningsFor(dayOf(154, first))).toEqual([]);

  expect((await manager.admin.client.patch(`/api/customers/${customer}`, { status: 'active' })).statusCode).toBe(200);
  expect(await warningsFor(dayOf(176, first))).toEqual([]);
  expect((await manager.admin.client.patch(`/api/customers/${customer}`, { status: 'inactive' })).statusCode).toBe(200);
  const second = await inactiveSince();
  expect(second.getTime()).toBeGreaterThan(first.getTime());
  expect(await warningsFor(dayOf(153, second))).toEqual([30]);
});

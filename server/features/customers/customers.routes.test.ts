import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember } from '../../test-support/add-member.ts';
import { created, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, signUpUser, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let manager: Team;
let other: Team;

beforeAll(async () => {
  testApp = await createTestApp();
  manager = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
});
afterAll(async () => {
  await testApp.close();
});

type Customer = { accountId: string; name: string; status: string; trialEndsAt: string | null };
const customersUrl = (managerId: string) => `/api/accounts/${managerId}/customers`;
const day = 24 * 60 * 60 * 1000;

it('lets the manager’s admins create customers, with a trial or not, that the manager’s members work in with their own roles', async () => {
  const before = Date.now();
  const trial = created<Customer>(await manager.admin.client.post(customersUrl(manager.accountId), { name: '  Brf Provet ', trialDays: 14 }));
  expect(trial).toMatchObject({ name: 'Brf Provet', status: 'trial' });
  const ends = Date.parse(trial.trialEndsAt!);
  expect(ends).toBeGreaterThanOrEqual(before + 14 * day - 1000);
  expect(ends).toBeLessThanOrEqual(Date.now() + 14 * day + 1000);
  const active = created<Customer>(await manager.admin.client.post(customersUrl(manager.accountId), { name: 'Brf Aktiv' }));
  expect(active).toEqual({ accountId: expect.any(String), name: 'Brf Aktiv', status: 'active', trialEndsAt: null });

  // The manager's editor writes in the customer, its viewer reads only.
  const organisation = created<{ id: string }>(await manager.editor.client.post(`/api/accounts/${trial.accountId}/organisations`, { name: 'Brf Provet' }));
  created(await manager.editor.client.post(`/api/organisations/${organisation.id}/properties`, { name: 'Provet 1' }));
  expect((await manager.viewer.client.get(`/api/accounts/${trial.accountId}/organisations`)).statusCode).toBe(200);
  expect((await manager.viewer.client.post(`/api/accounts/${trial.accountId}/organisations`, { name: 'Nej' })).statusCode).toBe(403);

  // The manager's members find the customers among their accounts, reached through the manager.
  const me = (await manager.viewer.client.get('/api/auth/me')).json() as { memberships: Array<Record<string, unknown>> };
  expect(me.memberships.filter((membership) => membership.via === 'manager')).toEqual([
    { accountId: active.accountId, accountName: 'Brf Aktiv', role: 'viewer', propertyIds: null, via: 'manager' },
    { accountId: trial.accountId, accountName: 'Brf Provet', role: 'viewer', propertyIds: null, via: 'manager' },
  ]);
  expect(me.memberships.find((membership) => membership.accountId === manager.accountId)).toMatchObject({ role: 'viewer', via: 'member' });

  expect((await manager.viewer.client.get(customersUrl(manager.accountId))).json()).toEqual([
    { ...active, propertyCount: 0, deletesAt: null, retentionDays: 183 },
    { ...trial, propertyCount: 1, deletesAt: null, retentionDays: 183 },
  ]);
});

it('refuses other accounts (404), the manager’s non-admins (403) and bad input (400)', async () => {
  const customer = created<Customer>(await manager.admin.client.post(customersUrl(manager.accountId), { name: 'Brf Skyddad' }));
  expect((await other.admin.client.post(customersUrl(manager.accountId), { name: 'Intrång' })).statusCode).toBe(404);
  expect((await other.admin.client.get(customersUrl(manager.accountId))).statusCode).toBe(404);
  expect((await other.admin.client.patch(`/api/customers/${customer.accountId}`, { status: 'inactive' })).statusCode).toBe(404);
  expect((await other.admin.client.get(`/api/accounts/${customer.accountId}/organisations`)).statusCode).toBe(404);
  // An account that is nobody's customer is not one here either.
  expect((await manager.admin.client.patch(`/api/customers/${other.accountId}`, { status: 'inactive' })).statusCode).toBe(404);
  expect((await manager.editor.client.post(customersUrl(manager.accountId), { name: 'Nej' })).statusCode).toBe(403);
  expect((await manager.editor.client.patch(`/api/customers/${customer.accountId}`, { status: 'inactive' })).statusCode).toBe(403);

  const zero = await manager.admin.client.post(customersUrl(manager.accountId), { name: 'Brf', trialDays: 0 });
  expect(zero.json().error.fieldCodes).toEqual({ trialDays: 'customer.trial_days_out_of_range' });
  const both = await manager.admin.client.patch(`/api/customers/${customer.accountId}`, { status: 'active', trialEndsAt: new Date().toISOString() });
  expect(both.json().error.fieldCodes).toEqual({ status: 'customer.one_change' });
});

it('refuses the customer’s own members its data once the trial has ended or it is paused, and says why; the manager keeps access', async () => {
  const customer = created<Customer>(await manager.admin.client.post(customersUrl(manager.accountId), { name: 'Brf Styrelsen', trialDays: 30 }));
  const board = await signUpUser(testApp.app);
  // The manager's admin invites the board as viewers of the customer (an admin there through the manager).
  await addMember(manager.admin.client, customer.accountId, board, 'viewer');
  const organisationsUrl = `/api/accounts/${customer.accountId}/organisations`;
  expect((await board.client.get(organisationsUrl)).statusCode).toBe(200);

  const ended = await manager.admin.client.patch(`/api/customers/${customer.accountId}`, { trialEndsAt: new Date(Date.now() - 1000).toISOString() });
  expect(ended.statusCode, ended.body).toBe(200);
  expect(ended.json()).toMatchObject({ status: 'inactive' });
  const refused = await board.client.get(organisationsUrl);
  expect(refused.statusCode).toBe(403);
  expect(refused.json().error.code).toBe('account_inactive');
  expect((await board.client.get(`/api/accounts/${customer.accountId}`)).statusCode).toBe(200);
  expect((await manager.viewer.client.get(organisationsUrl)).statusCode).toBe(200);

  const activated = await manager.admin.client.patch(`/api/customers/${customer.accountId}`, { status: 'active' });
  expect(activated.json()).toEqual({ ...customer, status: 'active', trialEndsAt: null });
  expect((await board.client.get(organisationsUrl)).statusCode).toBe(200);

  await manager.admin.client.patch(`/api/customers/${customer.accountId}`, { status: 'inactive' });
  expect((await board.client.get(organisationsUrl)).json().error.code).toBe('account_inactive');
  const row = await testApp.database.db
    .selectFrom('accounts')
    .select(['status', 'inactive_since'])
    .where('id', '=', customer.accountId as never)
    .executeTakeFirstOrThrow();
  expect(row.status).toBe('inactive');
  expect(row.inactive_since).toBeInstanceOf(Date);
});

it('tells the manager when each inactive customer will be deleted: INACTIVE_ACCOUNT_RETENTION_DAYS after it became inactive or its trial ended', async () => {
  const team = await signUpTeam(testApp.app);
  const create = async (body: Record<string, unknown>) => created<Customer>(await team.admin.client.post(customersUrl(team.accountId), body));
  const paused = await create({ name: 'A Pausad' });
  await team.admin.client.patch(`/api/customers/${paused.accountId}`, { status: 'inactive' });
  const ended = await create({ name: 'B Slut', trialDays: 10 });
  const trialEnd = '2026-01-15T10:30:00.000Z';
  expect((await team.admin.client.patch(`/api/customers/${ended.accountId}`, { trialEndsAt: trialEnd })).statusCode).toBe(200);
  const running = await create({ name: 'C Provar', trialDays: 10 });
  const active = await create({ name: 'D Aktiv' });

  const list = (await team.admin.client.get(customersUrl(team.accountId))).json() as Array<Customer & { deletesAt: string | null }>;
  const since = await testApp.database.db
    .selectFrom('accounts')
    .select('inactive_since')
    .where('id', '=', paused.accountId as never)
    .executeTakeFirstOrThrow();
  const retention = testApp.config.inactiveAccountRetentionDays * day;
  expect(testApp.config.inactiveAccountRetentionDays).toBe(183);
  expect(list.map(({ accountId, status, deletesAt }) => ({ accountId, status, deletesAt }))).toEqual([
    { accountId: paused.accountId, status: 'inactive', deletesAt: new Date(since.inactive_since!.getTime() + retention).toISOString() },
    { accountId: ended.accountId, status: 'inactive', deletesAt: '2026-07-17T10:30:00.000Z' },
    { accountId: running.accountId, status: 'trial', deletesAt: null },
    { accountId: active.accountId, status: 'active', deletesAt: null },
  ]);
});

it('answers the installation’s own INACTIVE_ACCOUNT_RETENTION_DAYS with each customer, and dates the deletion by it', async () => {
  const shortRetention = await createTestApp({ environment: { INACTIVE_ACCOUNT_RETENTION_DAYS: '90' } });
  try {
    const team = await signUpTeam(shortRetention.app);
    const paused = created<Customer>(await team.admin.client.post(customersUrl(team.accountId), { name: 'Brf Kort' }));
    await team.admin.client.patch(`/api/customers/${paused.accountId}`, { status: 'inactive' });
    const running = created<Customer>(await team.admin.client.post(customersUrl(team.accountId), { name: 'Brf Lång' }));
    const since = await shortRetention.database.db
      .selectFrom('accounts')
      .select('inactive_since')
      .where('id', '=', paused.accountId as never)
      .executeTakeFirstOrThrow();
    expect((await team.admin.client.get(customersUrl(team.accountId))).json()).toEqual([
      { ...paused, status: 'inactive', propertyCount: 0, deletesAt: new Date(since.inactive_since!.getTime() + 90 * day).toISOString(), retentionDays: 90 },
      { ...running, propertyCount: 0, deletesAt: null, retentionDays: 90 },
    ]);
  } finally {
    await shortRetention.close();
  }
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember } from '../../test-support/add-member.ts';
import { created } from '../../test-support/plan-data.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

it('gives a signed-in user another account, of which they are the admin, listed beside the first', async () => {
  const user = await signUpUser(testApp.app, { accountName: 'Förvaltning AB' });
  const account = created<{ id: string; name: string }>(await user.client.post('/api/accounts', { name: '  Brf Styrelsen  ' }));
  expect(account).toEqual({ id: expect.any(String), name: 'Brf Styrelsen' });

  const me = (await user.client.get('/api/auth/me')).json() as { memberships: Array<{ accountId: string; accountName: string; role: string }> };
  expect(me.memberships.map(({ accountId, accountName, role }) => ({ accountId, accountName, role }))).toEqual([
    { accountId: account.id, accountName: 'Brf Styrelsen', role: 'admin' },
    { accountId: user.accountId, accountName: 'Förvaltning AB', role: 'admin' },
  ]);
  // The new account is empty and the user's own: organisations can be added to it at once.
  expect((await user.client.get(`/api/accounts/${account.id}/organisations`)).json()).toEqual([]);
  expect((await user.client.post(`/api/accounts/${account.id}/organisations`, { name: 'Brf Styrelsen' })).statusCode).toBe(201);
  const audit = await testApp.database.db
    .selectFrom('audit_events')
    .select(['event', 'user_id'])
    .where('account_id', '=', account.id as never)
    .execute();
  expect(audit).toEqual([{ event: 'account.created', user_id: user.userId }]);
});

it('refuses a blank or too long name, and anyone not signed in', async () => {
  const user = await signUpUser(testApp.app);
  const blank = await user.client.post('/api/accounts', { name: '   ' });
  expect(blank.statusCode).toBe(400);
  expect(blank.json().error.fieldCodes).toEqual({ name: 'field.required' });
  expect((await user.client.post('/api/accounts', { name: 'x'.repeat(121) })).json().error.fieldCodes).toEqual({ name: 'name.too_long' });
  expect((await user.client.post('/api/accounts', { name: 'Brf', extra: 1 })).statusCode).toBe(400);
  expect((await new TestClient(testApp.app).post('/api/accounts', { name: 'Brf' })).statusCode).toBe(401);
});

it('tells a customer’s own member that the account is inactive and who manages it, while its data is refused', async () => {
  const manager = await signUpUser(testApp.app, { accountName: 'Förvaltning AB' });
  const customer = created<{ accountId: string }>(
    await manager.client.post(`/api/accounts/${manager.accountId}/customers`, { name: 'Brf Eken', trialDays: 30 }),
  );
  const board = await signUpUser(testApp.app);
  await addMember(manager.client, customer.accountId, board, 'viewer');
  const settingsUrl = `/api/accounts/${customer.accountId}`;
  const settings = { id: customer.accountId, name: 'Brf Eken', requireTwoFactor: false, manager: { id: manager.accountId, name: 'Förvaltning AB' } };
  expect((await board.client.get(settingsUrl)).json()).toEqual({ ...settings, status: 'trial' });

  // A trial past its end reads inactive before any job has run, as the refusal does.
  await manager.client.patch(`/api/customers/${customer.accountId}`, { trialEndsAt: new Date(Date.now() - 1000).toISOString() });
  expect((await board.client.get(`${settingsUrl}/organisations`)).json().error.code).toBe('account_inactive');
  const inactive = await board.client.get(settingsUrl);
  expect(inactive.statusCode).toBe(200);
  expect(inactive.json()).toEqual({ ...settings, status: 'inactive' });
  expect((await manager.client.get(settingsUrl)).json()).toEqual({ ...settings, status: 'inactive' });

  await manager.client.patch(`/api/customers/${customer.accountId}`, { status: 'active' });
  expect((await board.client.get(settingsUrl)).json()).toEqual({ ...settings, status: 'active' });
  // An account that is nobody's customer is active and has no manager.
  expect((await manager.client.get(`/api/accounts/${manager.accountId}`)).json()).toEqual({
    id: manager.accountId,
    name: 'Förvaltning AB',
    requireTwoFactor: false,
    status: 'active',
    manager: null,
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
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

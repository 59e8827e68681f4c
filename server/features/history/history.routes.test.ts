import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, createPropertyWithPlan, expectAllNotFound, isoTimestamp, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let team: Team;
let other: Team;

const roof = { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031 };

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
});
afterAll(async () => {
  await testApp.close();
});

const person = (member: { userId: string; name: string }) => ({ id: member.userId, name: member.name });

describe("an action's history", () => {
  it('records who created, changed, completed and unlinked an action, field by field, newest first', async () => {
    const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
    const action = created<{ id: string }>(
      await team.editor.client.post(`/api/plans/${ids.planId}/actions`, { ...roof, buildingId: ids.buildingId, intervalYears: 30, tags: ['P-1'] }),
    );
    expect((await team.admin.client.patch(`/api/actions/${action.id}`, { unitPrice: 700, note: 'Ny offert' })).statusCode).toBe(200);
    // A PATCH that changes nothing records nothing.
    expect((await team.admin.client.patch(`/api/actions/${action.id}`, { unitPrice: 700 })).statusCode).toBe(200);
    expect((await team.editor.client.post(`/api/actions/${action.id}/complete`, { year: 2030 })).statusCode).toBe(201);
    expect((await team.editor.client.delete(`/api/buildings/${ids.buildingId}`)).statusCode).toBe(204);

    const response = await team.viewer.client.get(`/api/actions/${action.id}/history`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { at: isoTimestamp, user: person(team.editor), kind: 'updated', changes: { buildingId: { from: ids.buildingId, to: null } } },
      { at: isoTimestamp, user: person(team.editor), kind: 'completed', changes: { year: { from: 2031, to: 2060 } } },
      { at: isoTimestamp, user: person(team.admin), kind: 'updated', changes: { unitPrice: { from: 640.5, to: 700 }, note: { from: '', to: 'Ny offert' } } },
      {
        at: isoTimestamp,
        user: person(team.editor),
        kind: 'created',
        changes: {
          name: { from: null, to: 'Byte av takpapp' },
          category: { from: null, to: 'yttertak' },
          buildingId: { from: null, to: ids.buildingId },
          locationId: { from: null, to: null },
          quantity: { from: null, to: 450 },
          unit: { from: null, to: 'm2' },
          unitPrice: { from: null, to: 640.5 },
          year: { from: null, to: 2031 },
          intervalYears: { from: null, to: 30 },
          status: { from: null, to: 'planned' },
          baseYear: { from: null, to: null },
          isInvestment: { from: null, to: false },
          tags: { from: null, to: ['P-1'] },
          note: { from: null, to: '' },
          libraryItemId: { from: null, to: null },
        },
      },
    ]);
  });

  it('answers 404 for an unknown action and for an action of another account', async () => {
    const foreign = await createPropertyWithPlan(other.editor.client, other.accountId);
    const foreignAction = created<{ id: string }>(await other.editor.client.post(`/api/plans/${foreign.planId}/actions`, roof));
    await expectAllNotFound(team.admin.client, [
      { method: 'GET', url: `/api/actions/${foreignAction.id}/history` },
      { method: 'GET', url: '/api/actions/00000000-0000-4000-8000-000000000000/history' },
      { method: 'GET', url: '/api/actions/not-an-id/history' },
      { method: 'GET', url: `/api/plans/${foreign.planId}/history` },
    ]);
  });
});

describe("a plan's history", () => {
  it('pages through every change to the actions and the settings, with filters by person, field and period', async () => {
    const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
    const first = created<{ id: string }>(await team.editor.client.post(`/api/plans/${ids.planId}/actions`, roof));
    const second = created<{ id: string }>(await team.editor.client.post(`/api/plans/${ids.planId}/actions`, { ...roof, name: 'Målning av fönster' }));
    expect((await team.admin.client.patch(`/api/plans/${ids.planId}`, { fund: { openingBalance: 125000 } })).statusCode).toBe(200);
    expect((await team.admin.client.patch(`/api/actions/${second.id}`, { year: 2033 })).statusCode).toBe(200);
    expect((await team.editor.client.delete(`/api/actions/${first.id}`)).statusCode).toBe(204);

    const url = `/api/plans/${ids.planId}/history`;
    const page1 = (await team.viewer.client.get(`${url}?limit=2`)).json();
    expect(page1.items.map((item: { kind: string; actionName: string | null }) => [item.kind, item.actionName])).toEqual([
      ['deleted', 'Byte av takpapp'],
      ['updated', 'Målning av fönster'],
    ]);
    expect(page1.items[0]).toMatchObject({ actionId: first.id, user: person(team.editor), changeSetId: null });
    expect(page1.items[0].changes.unitPrice).toEqual({ from: 640.5, to: null });
    expect(page1.next).toEqual(expect.stringMatching(/^\d+$/));
    const page2 = (await team.viewer.client.get(`${url}?limit=2&before=${page1.next}`)).json();
    expect(page2.items).toEqual([
      {
        at: isoTimestamp,
        user: person(team.admin),
        kind: 'updated',
        actionId: null,
        actionName: null,
        changeSetId: null,
        changes: { 'fund.openingBalance': { from: 0, to: 125000 } },
      },
      expect.objectContaining({ kind: 'created', actionId: second.id }),
    ]);
    const page3 = (await team.viewer.client.get(`${url}?limit=2&before=${page2.next}`)).json();
    expect(page3).toEqual({ items: [expect.objectContaining({ kind: 'created', actionId: first.id })], next: null });

    const byAdmin = (await team.viewer.client.get(`${url}?userId=${team.admin.userId}`)).json();
    expect(byAdmin.items.map((item: { actionName: string | null }) => item.actionName)).toEqual(['Målning av fönster', null]);
    const year = (await team.viewer.client.get(`${url}?field=year`)).json();
    expect(year.items.map((item: { kind: string }) => item.kind)).toEqual(['deleted', 'updated', 'created', 'created']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await team.viewer.client.get(`${url}?from=${today}&to=${today}`)).json().items).toHaveLength(5);
    expect((await team.viewer.client.get(`${url}?to=2000-01-01`)).json()).toEqual({ items: [], next: null });
  });

  it('refuses malformed queries with 400 and field errors', async () => {
    const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
    for (const query of ['limit=0', 'limit=201', 'before=abc', 'before=-1', 'from=2026-13-01', 'userId=nobody', 'field=a;b', 'unknown=1']) {
      const response = await team.viewer.client.get(`/api/plans/${ids.planId}/history?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('validation');
    }
  });

  it('keeps the history of a deleted plan out of the actions, and lets the account be deleted', async () => {
    const solo = await signUpTeam(testApp.app);
    const ids = await createPropertyWithPlan(solo.editor.client, solo.accountId);
    created(await solo.editor.client.post(`/api/plans/${ids.planId}/actions`, roof));
    expect((await solo.editor.client.delete(`/api/plans/${ids.planId}`)).statusCode).toBe(204);
    const kinds = await testApp.database.db.selectFrom('plan_changes').select('kind').where('plan_id', '=', ids.planId).execute();
    expect(kinds.map((row) => row.kind)).toEqual(['created']);
    // Deleting an account takes its plans and actions along; the history triggers must not get in the way.
    const again = await createPropertyWithPlan(solo.editor.client, solo.accountId);
    created(await solo.editor.client.post(`/api/plans/${again.planId}/actions`, roof));
    await sql`delete from accounts where id = ${solo.accountId}`.execute(testApp.database.db);
    const left = await testApp.database.db.selectFrom('plan_changes').select('id').where('account_id', '=', solo.accountId).execute();
    expect(left).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAccountId } from '../../db/account-id.ts';
import { openChangeSet } from '../../plan-history/change-sets.ts';
import { created, createPropertyWithPlan, expectAllNotFound, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let team: Team;
let other: Team;

const roof = { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031 };
const undoUrl = (id: string) => `/api/change-sets/${id}/undo`;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
});
afterAll(async () => {
  await testApp.close();
});

/**
 * A change set written straight to the database, as a bulk change would write it: the editor sets
 * `changes` on the given actions and creates one action, all in one set.
 */
async function writeChangeSet(
  planId: string,
  propertyId: string,
  updates: Record<string, { unit_price?: number; year?: number; building_id?: string | null; tags?: string[] }>,
) {
  return testApp.database.db.transaction().execute(async (transaction) => {
    const accountId = asAccountId(team.accountId);
    const actor = { userId: team.editor.userId, sessionId: 'test', ip: '127.0.0.1' };
    const changeSetId = await openChangeSet(transaction, accountId, planId, 'bulk-update', actor);
    for (const [id, values] of Object.entries(updates)) {
      await transaction.updateTable('actions').set(values).where('id', '=', id).execute();
    }
    const inserted = await transaction
      .insertInto('actions')
      .values({
        account_id: accountId,
        property_id: propertyId,
        plan_id: planId,
        name: 'Ny åtgärd',
        category: 'el',
        quantity: 1,
        unit: 'st',
        unit_price: 10,
        year: 2030,
        status: 'planned',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { changeSetId, createdId: inserted.id };
  });
}

async function actionsOf(planId: string) {
  return testApp.database.db
    .selectFrom('actions')
    .select(['id', 'unit_price', 'year', 'building_id', 'tags'])
    .where('plan_id', '=', planId)
    .orderBy('name')
    .execute();
}

describe('undoing a change set', () => {
  it('sets back what a roll-forward changed, once, for editors only', async () => {
    const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
    const rolled = await team.editor.client.patch(`/api/plans/${ids.planId}`, { startYear: 2028 });
    expect(rolled.statusCode).toBe(200);
    const { changeSetId, startYear } = rolled.json();
    expect(startYear).toBe(2028);
    expect(changeSetId).toEqual(expect.any(String));
    // An edit that is not a roll-forward is no change set.
    expect((await team.editor.client.patch(`/api/plans/${ids.planId}`, { name: 'Plan B' })).json().changeSetId).toBeUndefined();

    expect((await team.viewer.client.post(undoUrl(changeSetId))).statusCode).toBe(403);
    await expectAllNotFound(other.admin.client, [
      { method: 'POST', url: undoUrl(changeSetId) },
      { method: 'POST', url: undoUrl('00000000-0000-4000-8000-000000000000') },
      { method: 'POST', url: undoUrl('nope') },
    ]);
    const undone = await team.editor.client.post(undoUrl(changeSetId));
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toEqual({ changeSetId: expect.any(String) });
    // The rename after the roll-forward touched another setting, so it stays.
    expect((await team.viewer.client.get(`/api/plans/${ids.planId}`)).json()).toMatchObject({ startYear: 2026, name: 'Plan B' });
    const history = (await team.viewer.client.get(`/api/plans/${ids.planId}/history`)).json();
    expect(history.items[0]).toMatchObject({ kind: 'updated', changes: { startYear: { from: 2028, to: 2026 } }, changeSetId: undone.json().changeSetId });

    const again = await team.editor.client.post(undoUrl(changeSetId));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
  });

  it('refuses to undo a roll-forward whose start year was changed again since', async () => {
    const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
    const { changeSetId } = (await team.editor.client.patch(`/api/plans/${ids.planId}`, { startYear: 2027 })).json();
    expect((await team.editor.client.patch(`/api/plans/${ids.planId}`, { startYear: 2029 })).statusCode).toBe(200);
    const response = await team.editor.client.post(undoUrl(changeSetId));
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'conflict', details: { actions: [], planSettings: true } });
    expect((await team.viewer.client.get(`/api/plans/${ids.planId}`)).json().startYear).toBe(2029);
  });

  it("sets back the actions' fields, removes the actions it created, and refuses when an action changed since", async () => {
    const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
    const post = (body: object) => team.editor.client.post(`/api/plans/${ids.planId}/actions`, { ...roof, ...body });
    const a = created<{ id: string }>(await post({ name: 'A', buildingId: ids.buildingId, tags: ['x'] }));
    const b = created<{ id: string }>(await post({ name: 'B' }));
    const before = await actionsOf(ids.planId);

    const first = await writeChangeSet(ids.planId, ids.propertyId, {
      [a.id]: { unit_price: 704.55, year: 2033, building_id: null, tags: ['y', 'z'] },
      [b.id]: { year: 2035 },
    });
    expect(await actionsOf(ids.planId)).toHaveLength(3);
    const undone = await team.editor.client.post(undoUrl(first.changeSetId));
    expect(undone.statusCode, undone.body).toBe(200);
    expect(await actionsOf(ids.planId)).toEqual(before);

    const second = await writeChangeSet(ids.planId, ids.propertyId, { [a.id]: { year: 2040 }, [b.id]: { year: 2041 } });
    expect((await team.admin.client.patch(`/api/actions/${b.id}`, { name: 'B, ändrad' })).statusCode).toBe(200);
    const refused = await team.editor.client.post(undoUrl(second.changeSetId));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'conflict', details: { actions: [{ id: b.id, name: 'B, ändrad' }], planSettings: false } });
    expect(refused.json().error.message).toContain('B, ändrad');
    // Nothing was written.
    expect((await actionsOf(ids.planId)).map((row) => row.year)).toEqual([2040, 2041, 2030]);
  });

  it('answers 409, not 500, when a building it would set back has been deleted since', async () => {
    const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
    const a = created<{ id: string }>(await team.editor.client.post(`/api/plans/${ids.planId}/actions`, { ...roof, buildingId: ids.buildingId }));
    const { changeSetId } = await writeChangeSet(ids.planId, ids.propertyId, { [a.id]: { building_id: null } });
    expect((await team.editor.client.delete(`/api/buildings/${ids.buildingId}`)).statusCode).toBe(204);
    const response = await team.editor.client.post(undoUrl(changeSetId));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('conflict');
  });
});

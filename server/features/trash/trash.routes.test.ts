import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountId } from '../../db/account-id.ts';
import {
  created,
  createPropertyWithPlan,
  insertActionWithHistory,
  isoTimestamp,
  planDataTables,
  signUpTeam,
  snapshotPlanData,
  type Team,
} from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { purgeExpiredTrash } from './purge-trash.ts';

let testApp: TestApp;
let team: Team;
let other: Team;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
});
afterAll(async () => {
  await testApp.close();
});

const dayMs = 24 * 60 * 60 * 1000;
const trashUrl = (accountId: string) => `/api/accounts/${accountId}/trash`;
const restoreUrl = (id: string) => `/api/trash/${id}/restore`;
const minimal = { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031 };

type TrashBody = { id: string; kind: string; name: string; deletedAt: string; deletedBy: { id: string; name: string }; purgeAt: string };

async function listTrash(accountId: AccountId = team.accountId): Promise<TrashBody[]> {
  const response = await team.editor.client.get(trashUrl(accountId));
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as TrashBody[];
}

async function createAction(planId: string, body: Record<string, unknown> = {}): Promise<{ id: string; buildingId: string | null; locationId: string | null }> {
  return created(await team.editor.client.post(`/api/plans/${planId}/actions`, { ...minimal, ...body }));
}

/** Every plan-data row of the account, to compare before a delete and after its restore. */
async function planDataOf(accountId: AccountId): Promise<Record<string, unknown[]>> {
  const snapshot = await snapshotPlanData(testApp.database.db);
  return Object.fromEntries(
    planDataTables.map((table) => [
      table,
      snapshot[table]!.filter((row) => (row as { account_id: string }).account_id === accountId)
        // A plan's revision moves with every change to its actions, restores included (decision 0014).
        .map((row) => (table === 'plans' ? { ...(row as object), revision: 'any' } : row)),
    ]),
  );
}

async function expectRestored(id: string, expected: { kind: string; name: string }): Promise<void> {
  const response = await team.editor.client.post(restoreUrl(id));
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json()).toEqual({ id, ...expected });
}

describe('the trash', () => {
  it('keeps a deleted action with its completions, comments and attachments, and restores them with the same ids', async () => {
    const own = await createPropertyWithPlan(team.editor.client, team.accountId);
    const actionId = await insertActionWithHistory(testApp.database.db, { accountId: team.accountId, ...own, userId: team.editor.userId });
    const before = await planDataOf(team.accountId);

    expect((await team.editor.client.delete(`/api/actions/${actionId}`)).statusCode).toBe(204);
    expect((await team.viewer.client.get(`/api/actions/${actionId}`)).statusCode).toBe(404);
    const [item] = await listTrash();
    expect(item).toEqual({
      id: actionId,
      kind: 'action',
      name: 'Byte av takpapp',
      deletedAt: isoTimestamp,
      deletedBy: { id: team.editor.userId, name: team.editor.name },
      purgeAt: isoTimestamp,
    });
    expect(Date.parse(item!.purgeAt) - Date.parse(item!.deletedAt)).toBe(30 * dayMs);

    await expectRestored(actionId, { kind: 'action', name: 'Byte av takpapp' });
    expect(await planDataOf(team.accountId)).toEqual(before);
    expect(await listTrash()).toEqual([]);
    // The history names who deleted and who restored it.
    const history = (await team.viewer.client.get(`/api/actions/${actionId}/history`)).json() as { kind: string; user: { id: string } | null }[];
    expect(history.slice(0, 2).map((entry) => [entry.kind, entry.user?.id])).toEqual([
      ['restored', team.editor.userId],
      ['deleted', team.editor.userId],
    ]);
    // Restored once: the item is gone.
    expect((await team.editor.client.post(restoreUrl(actionId))).statusCode).toBe(404);
  });

  it('restores an organisation with everything under it, exactly as it was', async () => {
    const own = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Lönnen', property: 'Lönnen 1', plan: 'Plan' });
    await insertActionWithHistory(testApp.database.db, { accountId: team.accountId, ...own, userId: team.editor.userId });
    await createAction(own.planId, { name: 'Fasad', buildingId: own.buildingId, locationId: own.locationId, quantity: 1.123456789012345, tags: ['a', 'b'] });
    const before = await planDataOf(team.accountId);

    expect((await team.admin.client.delete(`/api/organisations/${own.organisationId}`)).statusCode).toBe(204);
    expect((await team.viewer.client.get(`/api/plans/${own.planId}`)).statusCode).toBe(404);
    expect((await listTrash()).map((item) => [item.id, item.kind, item.name, item.deletedBy.id])).toEqual([
      [own.organisationId, 'organisation', 'Brf Lönnen', team.admin.userId],
    ]);

    await expectRestored(own.organisationId, { kind: 'organisation', name: 'Brf Lönnen' });
    expect(await planDataOf(team.accountId)).toEqual(before);
  });

  it('takes a deleted building off its actions and puts it back on those that have none on restore', async () => {
    const own = await createPropertyWithPlan(team.editor.client, team.accountId);
    const kept = await createAction(own.planId, { name: 'Takpapp', buildingId: own.buildingId });
    const moved = await createAction(own.planId, { name: 'Fasad', buildingId: own.buildingId });
    const deleted = await createAction(own.planId, { name: 'Hiss', buildingId: own.buildingId });
    const other = created<{ id: string }>(await team.editor.client.post(`/api/properties/${own.propertyId}/buildings`, { name: 'Hus B' }));

    expect((await team.editor.client.delete(`/api/buildings/${own.buildingId}`)).statusCode).toBe(204);
    const buildingOf = async (id: string) => (await team.viewer.client.get(`/api/actions/${id}`)).json().buildingId;
    expect(await buildingOf(kept.id)).toBe(null);
    // Meanwhile one action gets another building and one is deleted for good (purged).
    expect((await team.editor.client.patch(`/api/actions/${moved.id}`, { buildingId: other.id })).statusCode).toBe(200);
    expect((await team.editor.client.delete(`/api/actions/${deleted.id}`)).statusCode).toBe(204);
    await testApp.database.db.deleteFrom('trash_items').where('id', '=', deleted.id).execute();

    await expectRestored(own.buildingId, { kind: 'building', name: 'Hus A' });
    expect(await buildingOf(kept.id)).toBe(own.buildingId);
    expect(await buildingOf(moved.id)).toBe(other.id);
  });

  it('points the actions of a plan restored after their building was deleted at the building when it is restored too', async () => {
    const own = await createPropertyWithPlan(team.editor.client, team.accountId);
    const action = await createAction(own.planId, { buildingId: own.buildingId, locationId: own.locationId });
    expect((await team.editor.client.delete(`/api/plans/${own.planId}`)).statusCode).toBe(204);
    expect((await team.editor.client.delete(`/api/buildings/${own.buildingId}`)).statusCode).toBe(204);

    await expectRestored(own.planId, { kind: 'plan', name: 'Underhållsplan 2026' });
    expect((await team.viewer.client.get(`/api/actions/${action.id}`)).json()).toMatchObject({ buildingId: null, locationId: own.locationId });
    await expectRestored(own.buildingId, { kind: 'building', name: 'Hus A' });
    expect((await team.viewer.client.get(`/api/actions/${action.id}`)).json()).toMatchObject({ buildingId: own.buildingId, locationId: own.locationId });
  });

  it('refuses to restore what has lost its place, and restores it once the place is back', async () => {
    const own = await createPropertyWithPlan(team.editor.client, team.accountId);
    const action = await createAction(own.planId);
    expect((await team.editor.client.delete(`/api/actions/${action.id}`)).statusCode).toBe(204);
    expect((await team.editor.client.delete(`/api/plans/${own.planId}`)).statusCode).toBe(204);

    const before = await snapshotPlanData(testApp.database.db);
    const refused = await team.editor.client.post(restoreUrl(action.id), undefined, { 'accept-language': 'sv' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'conflict',
      message: '“Byte av takpapp” was in the plan “Underhållsplan 2026”, which is in the trash: restore the plan first',
      fieldCodes: { id: 'trash.restore_plan_first' },
      fields: { id: 'Åtgärden låg i en plan som också är i papperskorgen. Återställ planen först.' },
    });
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);

    await expectRestored(own.planId, { kind: 'plan', name: 'Underhållsplan 2026' });
    await expectRestored(action.id, { kind: 'action', name: 'Byte av takpapp' });
    expect((await team.viewer.client.get(`/api/plans/${own.planId}/actions`)).json()).toEqual([expect.objectContaining({ id: action.id })]);
  });

  it('refuses to restore a building whose name another building of the property has by now', async () => {
    const own = await createPropertyWithPlan(team.editor.client, team.accountId);
    expect((await team.editor.client.delete(`/api/buildings/${own.buildingId}`)).statusCode).toBe(204);
    created(await team.editor.client.post(`/api/properties/${own.propertyId}/buildings`, { name: 'HUS A' }));
    const refused = await team.editor.client.post(restoreUrl(own.buildingId));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'conflict', fieldCodes: { id: 'trash.name_taken' } });
    expect((await listTrash()).map((item) => item.id)).toContain(own.buildingId);
  });

  it('is for editors and admins, and never reaches into another account', async () => {
    const own = await createPropertyWithPlan(team.editor.client, team.accountId);
    const action = await createAction(own.planId);
    expect((await team.editor.client.delete(`/api/actions/${action.id}`)).statusCode).toBe(204);

    expect((await team.viewer.client.get(trashUrl(team.accountId))).statusCode).toBe(403);
    expect((await team.viewer.client.post(restoreUrl(action.id))).statusCode).toBe(403);
    expect((await team.admin.client.get(trashUrl(team.accountId))).statusCode).toBe(200);

    const before = await snapshotPlanData(testApp.database.db);
    for (const person of [other.admin, other.editor]) {
      expect((await person.client.get(trashUrl(team.accountId))).statusCode).toBe(404);
      const response = await person.client.post(restoreUrl(action.id));
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toBe('Trash item not found');
    }
    expect((await other.editor.client.get(trashUrl(other.accountId))).json()).toEqual([]);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
    expect((await team.editor.client.post(restoreUrl(randomUUID()))).statusCode).toBe(404);
  });
});

describe('bulk delete of actions', () => {
  const bulkUrl = (planId: string) => `/api/plans/${planId}/actions/bulk-delete`;

  it('moves the selected actions of the plan to the trash as one change set', async () => {
    const own = await createPropertyWithPlan(team.editor.client, team.accountId);
    const [first, second, untouched] = [await createAction(own.planId), await createAction(own.planId), await createAction(own.planId)];
    const response = await team.editor.client.post(bulkUrl(own.planId), { ids: [first!.id, second!.id, first!.id] });
    expect(response.statusCode, response.body).toBe(200);
    const { deleted, changeSetId } = response.json();
    expect(deleted).toBe(2);
    expect(changeSetId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect((await team.viewer.client.get(`/api/plans/${own.planId}/actions`)).json()).toEqual([expect.objectContaining({ id: untouched!.id })]);
    const items = await testApp.database.db
      .selectFrom('trash_items')
      .select(['id', 'change_set_id'])
      .where('change_set_id', '=', changeSetId)
      .orderBy('id')
      .execute();
    expect(items).toEqual([first!.id, second!.id].sort().map((id) => ({ id, change_set_id: changeSetId })));
  });

  it('deletes nothing when one id is not an action of this plan', async () => {
    const own = await createPropertyWithPlan(team.editor.client, team.accountId);
    const foreign = await createPropertyWithPlan(other.editor.client, other.accountId);
    const action = await createAction(own.planId);
    const foreignAction = created<{ id: string }>(await other.editor.client.post(`/api/plans/${foreign.planId}/actions`, minimal));
    const otherPlan = created<{ id: string }>(await team.editor.client.post(`/api/properties/${own.propertyId}/plans`, { name: 'Annan', startYear: 2026 }));
    const otherPlanAction = await createAction(otherPlan.id);
    const before = await snapshotPlanData(testApp.database.db);
    for (const stranger of [foreignAction.id, otherPlanAction.id, randomUUID()]) {
      const response = await team.editor.client.post(bulkUrl(own.planId), { ids: [action.id, stranger] });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toBe('1 of the selected actions are not in this plan (deleted meanwhile?)');
    }
    expect((await team.viewer.client.post(bulkUrl(own.planId), { ids: [action.id] })).statusCode).toBe(403);
    expect((await team.editor.client.post(bulkUrl(own.planId), { ids: [] })).statusCode).toBe(400);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });
});

describe('the purge', () => {
  it('deletes what has been in the trash longer than the retention, and nothing younger, with the history of purged plans', async () => {
    const own = await createPropertyWithPlan(other.editor.client, other.accountId);
    const first = created<{ id: string }>(await other.editor.client.post(`/api/plans/${own.planId}/actions`, minimal));
    // A second action goes to the trash with the plan.
    created(await other.editor.client.post(`/api/plans/${own.planId}/actions`, minimal));
    expect((await other.editor.client.post(`/api/plans/${own.planId}/actions/bulk-delete`, { ids: [first.id] })).statusCode).toBe(200);
    expect((await other.editor.client.delete(`/api/plans/${own.planId}`)).statusCode).toBe(204);
    const recordsOfPlan = async () => ({
      changes: (await testApp.database.db.selectFrom('plan_changes').select('id').where('plan_id', '=', own.planId).execute()).length,
      changeSets: (await testApp.database.db.selectFrom('change_sets').select('id').where('plan_id', '=', own.planId).execute()).length,
    });
    // The plan's history (both actions created, one deleted by a change set) stays while the plan is in the trash.
    const kept = await recordsOfPlan();
    expect(kept.changeSets).toBe(1);
    expect(kept.changes).toBeGreaterThanOrEqual(3);
    const ids = async () =>
      (await testApp.database.db.selectFrom('trash_items').select('id').where('account_id', '=', other.accountId).execute()).map((item) => item.id);
    const everyItem = await testApp.database.db.selectFrom('trash_items').select('id').execute();

    expect(await purgeExpiredTrash(testApp.database.db, 30, new Date(Date.now() + 29 * dayMs))).toBe(0);
    expect((await ids()).sort()).toEqual([own.planId, first.id].sort());
    expect(await recordsOfPlan()).toEqual(kept);
    expect(await purgeExpiredTrash(testApp.database.db, 30, new Date(Date.now() + 31 * dayMs))).toBe(everyItem.length);
    expect(await ids()).toEqual([]);
    expect(await recordsOfPlan()).toEqual({ changes: 0, changeSets: 0 });
    expect((await other.editor.client.post(restoreUrl(own.planId))).statusCode).toBe(404);
  });
});

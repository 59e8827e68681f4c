import { access } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountId } from '../../db/account-id.ts';
import { addMember } from '../../test-support/add-member.ts';
import { created, signUpTeam, type Person, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, signUpUser, type TestApp } from '../../test-support/test-app.ts';
import { snapshotTenant } from '../../test-support/tenant-snapshot.ts';
import { tenantRoutes } from '../../security/route-table.ts';
import { createTenantData, fillUrl, type IdKind, type TenantData } from '../../security/tenant-data.ts';

/** The ids a property takes along when it moves. */
const movedKinds: IdKind[] = [
  'propertyId',
  'buildingId',
  'locationId',
  'planId',
  'actionId',
  'completedActionId',
  'commentId',
  'attachmentId',
  'trashedActionId',
  'changeSetId',
  'versionId',
];

/** Reads whose answers are the same before and after (in the new account), once the account id is swapped and the cleared library link is taken into account. */
const unchangedReads = [
  '/api/properties/:id/buildings',
  '/api/properties/:id/locations',
  '/api/properties/:id/plans',
  '/api/plans/:id',
  '/api/plans/:id/actions',
  '/api/plans/:id/occurrences',
  '/api/plans/:id/analysis',
  '/api/plans/:id/fund',
  '/api/plans/:id/versions',
  '/api/actions/:id',
  '/api/actions/:id/comments',
  '/api/actions/:id/attachments',
];

let testApp: TestApp;
let source: Team;
let target: Team;
/** An admin of the source account and an editor of the target account, who moves. */
let mover: Person;

beforeAll(async () => {
  testApp = await createTestApp();
  source = await signUpTeam(testApp.app);
  target = await signUpTeam(testApp.app);
  mover = source.admin;
  await addMember(target.admin.client, target.accountId, mover, 'editor');
});
afterAll(async () => {
  await testApp.close();
});

async function createTargetOrganisation(team: Team, name = 'Brf Mottagaren'): Promise<string> {
  return created<{ id: string }>(await team.admin.client.post(`/api/accounts/${team.accountId}/organisations`, { name })).id;
}

/** Every GET of the route table that takes only moved ids, as `client` reads them. */
async function readAll(client: Person['client'], data: TenantData, urls: string[]): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  for (const url of urls) {
    const route = tenantRoutes.find((item) => item.method === 'GET' && item.url === url)!;
    const response = await client.get(fillUrl(route.url, route.ids, data));
    expect(response.statusCode, `${url} → ${response.body.slice(0, 200)}`).toBe(200);
    answers[url] = response.json();
  }
  return answers;
}

/** The account id swapped and the link to the old account's own library item cleared, as the move does. */
function asMoved(value: unknown, from: AccountId, to: AccountId, libraryItemId: string): unknown {
  return JSON.parse(JSON.stringify(value).replaceAll(from, to).replaceAll(`"libraryItemId":"${libraryItemId}"`, '"libraryItemId":null'));
}

function rowsMentioning(snapshot: Record<string, unknown[]>, ids: string[]): Record<string, unknown[]> {
  const found: Record<string, unknown[]> = {};
  for (const [table, rows] of Object.entries(snapshot)) {
    const matching = rows.filter((row) => ids.some((id) => JSON.stringify(row).includes(id)));
    if (matching.length > 0) found[table] = matching;
  }
  return found;
}

describe('POST /api/properties/:id/move', () => {
  it('moves the property with everything it holds into another account, where its member reads the same data, and leaves nothing readable behind', async () => {
    const data = await createTenantData(source, { contentAuthor: source.viewer });
    const organisationId = await createTargetOrganisation(target);
    // A member of the old account limited to this property, who keeps the membership without it.
    const limited = await signUpUser(testApp.app);
    await addMember(source.admin.client, source.accountId, limited, 'viewer', [data.propertyId]);
    const before = await readAll(mover.client, data, unchangedReads);
    const attachmentBefore = await mover.client.get(`/api/attachments/${data.attachmentId}/content`);
    const planHistoryBefore = (await mover.client.get(`/api/plans/${data.planId}/history`)).json() as { items: unknown[] };
    const oldFile = path.join(testApp.config.dataDir, 'attachments', source.accountId, data.attachmentId);
    await access(oldFile);

    const moved = await mover.client.post(`/api/properties/${data.propertyId}/move`, { organisationId });
    expect(moved.statusCode, moved.body).toBe(200);
    const property = (await target.admin.client.get(`/api/properties/${data.propertyId}`)).json();
    expect(moved.json()).toEqual(property);
    expect(property).toMatchObject({ id: data.propertyId, accountId: target.accountId, organisationId, name: 'Eken 4' });

    // The target's own admin, who never was a member of the source, reads it all as it was.
    expect(await readAll(target.admin.client, data, unchangedReads)).toEqual(asMoved(before, source.accountId, target.accountId, data.libraryItemId));
    const attachmentAfter = await target.admin.client.get(`/api/attachments/${data.attachmentId}/content`);
    expect(attachmentAfter.statusCode).toBe(200);
    expect(attachmentAfter.rawPayload.equals(attachmentBefore.rawPayload)).toBe(true);
    expect((await target.admin.client.get(`/api/attachments/${data.attachmentId}/thumbnail`)).statusCode).toBe(200);
    await expect(access(oldFile)).rejects.toThrow();
    // The history keeps every entry, and one more: the cleared link to the old account's library item.
    const planHistory = (await target.admin.client.get(`/api/plans/${data.planId}/history`)).json() as { items: unknown[] };
    expect(planHistory.items).toHaveLength(planHistoryBefore.items.length + 1);
    expect(planHistory.items).toEqual(expect.arrayContaining(planHistoryBefore.items as object[]));
    expect(planHistory.items[0]).toMatchObject({ actionId: data.actionId, changes: { libraryItemId: { from: data.libraryItemId, to: null } } });
    // The trash moved too, and restores in the new account.
    const trash = (await target.admin.client.get(`/api/accounts/${target.accountId}/trash`)).json() as { id: string }[];
    expect(trash.map((item) => item.id)).toEqual([data.trashedActionId]);
    expect((await target.admin.client.post(`/api/trash/${data.trashedActionId}/restore`)).statusCode).toBe(200);
    expect((await target.admin.client.post(`/api/change-sets/${data.changeSetId}/undo`)).statusCode).toBe(200);

    // The old account's members who are not members of the target: every route with a moved id is a 404.
    const movedRoutes = tenantRoutes.filter((route) => Object.values(route.ids).every((kind) => movedKinds.includes(kind)));
    expect(movedRoutes.length).toBeGreaterThan(40);
    for (const person of [source.editor, source.viewer, limited]) {
      for (const route of movedRoutes) {
        const body = route.body?.(data);
        const response = await person.client.request(route.method, fillUrl(route.url, route.ids, data), body?.payload, body?.headers);
        expect(response.statusCode, `${route.method} ${route.url} as ${person.email} → ${response.body.slice(0, 200)}`).toBe(404);
      }
    }
    const organisations = (await source.editor.client.get(`/api/organisations/${data.organisationId}/properties`)).json();
    expect(organisations).toEqual([]);
    // No row of the source account names anything that moved, but the record of the move itself.
    const snapshot = await snapshotTenant(testApp.database.db, source.accountId);
    const left = rowsMentioning(
      snapshot,
      movedKinds.map((kind) => data[kind]),
    );
    expect(Object.keys(left)).toEqual(['audit_events']);
    // The audit events: the record of the move, and of inviting the limited member to the property.
    expect(left.audit_events).toEqual([
      expect.objectContaining({ event: 'member.invited', details: expect.objectContaining({ propertyIds: [data.propertyId] }) }),
      expect.objectContaining({
        event: 'property.moved',
        user_id: mover.userId,
        details: expect.objectContaining({ propertyId: data.propertyId, toAccountId: target.accountId }),
      }),
    ]);
    const targetEvents = (await snapshotTenant(testApp.database.db, target.accountId)).audit_events as { event: string }[];
    expect(targetEvents.filter((event) => event.event === 'property.moved')).toHaveLength(1);
  });

  it('stays consistent under concurrent writes: each lands before the move and moves with it, or after it in the new account, or is refused', async () => {
    const data = await createTenantData(source);
    const organisationId = await createTargetOrganisation(target);
    const newAction = (name: string) => ({ name, category: 'fasad', quantity: 1, unit: 'st', unitPrice: 1000, year: 2030 });
    const writes = Array.from({ length: 6 }, (_, index) => [
      // The mover is a member of both accounts; the source's editor only of the old one.
      mover.client.post(`/api/plans/${data.planId}/actions`, newAction(`Samtidig ${index}`)),
      source.editor.client.post(`/api/plans/${data.planId}/actions`, newAction(`Redaktör ${index}`)),
      source.editor.client.post(`/api/actions/${data.actionId}/comments`, { body: `Kommentar ${index}` }),
      source.editor.client.patch(`/api/actions/${data.actionId}`, { note: `Ändrad ${index}` }),
    ]).flat();
    const [move, ...answers] = await Promise.all([mover.client.post(`/api/properties/${data.propertyId}/move`, { organisationId }), ...writes]);
    expect(move!.statusCode, move!.body).toBe(200);
    for (const answer of answers) expect([200, 201, 404], answer.body).toContain(answer.statusCode);
    const createdIds = answers.filter((answer) => answer.statusCode === 201).map((answer) => (answer.json() as { id: string }).id);
    const moverActions = answers.filter((answer, index) => index % 4 === 0 && answer.statusCode === 201);
    expect(moverActions).toHaveLength(6);
    const left = rowsMentioning(await snapshotTenant(testApp.database.db, source.accountId), [data.propertyId, data.planId, data.actionId, ...createdIds]);
    expect(Object.keys(left)).toEqual(['audit_events']);
    const actions = (await target.admin.client.get(`/api/plans/${data.planId}/actions`)).json() as { id: string }[];
    const comments = (await target.admin.client.get(`/api/actions/${data.actionId}/comments`)).json() as { id: string }[];
    const readable = new Set([...actions, ...comments].map((item) => item.id));
    expect(createdIds.filter((id) => !readable.has(id))).toEqual([]);
  });

  it('moves a property to another organisation of the same account', async () => {
    const data = await createTenantData(source);
    const organisationId = await createTargetOrganisation(source, 'Brf Granen');
    const response = await source.editor.client.post(`/api/properties/${data.propertyId}/move`, { organisationId });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: data.propertyId, accountId: source.accountId, organisationId });
    expect(((await source.viewer.client.get(`/api/organisations/${organisationId}/properties`)).json() as { id: string }[]).map((item) => item.id)).toEqual([
      data.propertyId,
    ]);
    // Within the account nothing but the organisation changes: the library link stays.
    expect((await source.viewer.client.get(`/api/actions/${data.actionId}`)).json()).toMatchObject({ libraryItemId: data.libraryItemId });
  });

  it('moves a property into a customer account the actor manages', async () => {
    const data = await createTenantData(source);
    const customerOrganisationId = await createTargetOrganisation({ ...source, accountId: data.customerAccountId as AccountId });
    const response = await source.editor.client.post(`/api/properties/${data.propertyId}/move`, { organisationId: customerOrganisationId });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ accountId: data.customerAccountId, organisationId: customerOrganisationId });
    expect((await source.editor.client.get(`/api/plans/${data.planId}/actions`)).statusCode).toBe(200);
  });

  it('refuses a target where the actor is only a viewer (403), a foreign or unknown one (404), and a viewer of the source (403); nothing changes', async () => {
    const data = await createTenantData(source);
    const viewerTarget = await signUpTeam(testApp.app);
    await addMember(viewerTarget.admin.client, viewerTarget.accountId, mover, 'viewer');
    const viewerOrganisation = await createTargetOrganisation(viewerTarget);
    const foreignOrganisation = await createTargetOrganisation(await signUpTeam(testApp.app));
    const before = await snapshotTenant(testApp.database.db, source.accountId);
    const beforeTarget = await snapshotTenant(testApp.database.db, viewerTarget.accountId);

    const asViewer = await mover.client.post(`/api/properties/${data.propertyId}/move`, { organisationId: viewerOrganisation });
    expect(asViewer.statusCode, asViewer.body).toBe(403);
    const foreign = await mover.client.post(`/api/properties/${data.propertyId}/move`, { organisationId: foreignOrganisation });
    const unknown = await mover.client.post(`/api/properties/${data.propertyId}/move`, { organisationId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(unknown.body);
    const bySourceViewer = await source.viewer.client.post(`/api/properties/${data.propertyId}/move`, { organisationId: data.organisationId });
    expect(bySourceViewer.statusCode).toBe(403);
    const malformed = await mover.client.post(`/api/properties/${data.propertyId}/move`, { organisationId: 'eken' });
    expect(malformed.statusCode).toBe(400);

    expect(await snapshotTenant(testApp.database.db, source.accountId)).toEqual(
      withSessionsOf(before, await snapshotTenant(testApp.database.db, source.accountId)),
    );
    expect(await snapshotTenant(testApp.database.db, viewerTarget.accountId)).toEqual(
      withSessionsOf(beforeTarget, await snapshotTenant(testApp.database.db, viewerTarget.accountId)),
    );
  });
});

describe('POST /api/organisations/:id/move', () => {
  it('moves an organisation with its properties, their plans and its trashed properties into another account', async () => {
    const data = await createTenantData(source);
    const second = created<{ id: string }>(await mover.client.post(`/api/organisations/${data.organisationId}/properties`, { name: 'Eken 6' }));
    const trashed = created<{ id: string }>(await mover.client.post(`/api/organisations/${data.organisationId}/properties`, { name: 'Eken 8' }));
    expect((await mover.client.delete(`/api/properties/${trashed.id}`)).statusCode).toBe(204);
    const actionsBefore = (await mover.client.get(`/api/plans/${data.planId}/actions`)).json();

    const response = await mover.client.post(`/api/organisations/${data.organisationId}/move`, { accountId: target.accountId });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual((await target.admin.client.get(`/api/organisations/${data.organisationId}`)).json());
    expect(response.json()).toMatchObject({ id: data.organisationId, accountId: target.accountId, name: 'Brf Eken' });
    const properties = (await target.admin.client.get(`/api/organisations/${data.organisationId}/properties`)).json() as { id: string }[];
    expect(properties.map((item) => item.id).sort()).toEqual([data.propertyId, second.id].sort());
    expect((await target.admin.client.get(`/api/plans/${data.planId}/actions`)).json()).toEqual(
      asMoved(actionsBefore, source.accountId, target.accountId, data.libraryItemId),
    );
    const trash = (await target.admin.client.get(`/api/accounts/${target.accountId}/trash`)).json() as { id: string }[];
    expect(trash.map((item) => item.id)).toEqual(expect.arrayContaining([trashed.id, data.trashedActionId]));
    expect((await target.admin.client.post(`/api/trash/${trashed.id}/restore`)).statusCode).toBe(200);

    expect((await source.editor.client.get(`/api/organisations/${data.organisationId}`)).statusCode).toBe(404);
    expect(
      ((await source.editor.client.get(`/api/accounts/${source.accountId}/organisations`)).json() as { id: string }[]).map((item) => item.id),
    ).not.toContain(data.organisationId);
    const left = rowsMentioning(await snapshotTenant(testApp.database.db, source.accountId), [
      data.organisationId,
      data.propertyId,
      second.id,
      trashed.id,
      data.planId,
    ]);
    expect(Object.keys(left)).toEqual(['audit_events']);
  });

  it('answers 404 for an account the actor is not a member of, 403 where they only view, and changes nothing', async () => {
    const data = await createTenantData(source);
    const viewerTarget = await signUpTeam(testApp.app);
    await addMember(viewerTarget.admin.client, viewerTarget.accountId, mover, 'viewer');
    const stranger = await signUpTeam(testApp.app);
    const before = await snapshotTenant(testApp.database.db, source.accountId);
    const foreign = await mover.client.post(`/api/organisations/${data.organisationId}/move`, { accountId: stranger.accountId });
    const unknown = await mover.client.post(`/api/organisations/${data.organisationId}/move`, { accountId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(unknown.body);
    expect((await mover.client.post(`/api/organisations/${data.organisationId}/move`, { accountId: viewerTarget.accountId })).statusCode).toBe(403);
    expect((await mover.client.post(`/api/organisations/${data.organisationId}/move`, {})).statusCode).toBe(400);
    expect(await snapshotTenant(testApp.database.db, source.accountId)).toEqual(
      withSessionsOf(before, await snapshotTenant(testApp.database.db, source.accountId)),
    );
  });
});

/** The members' sessions record activity while they send requests; every other row must stay as it was. */
function withSessionsOf(snapshot: Record<string, unknown[]>, current: Record<string, unknown[]>): Record<string, unknown[]> {
  return { ...snapshot, sessions: current.sessions ?? [] };
}

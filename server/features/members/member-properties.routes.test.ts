import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../test-support/add-member.ts';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, signUpUser, type TestApp } from '../../test-support/test-app.ts';

/**
 * Access per property through the member routes (docs/decisions/0041-access-per-property.md):
 * inviting limited to some properties, what the invited person is shown, changing the properties
 * later, and the rules (an admin is never limited, only the account's own properties).
 */
let testApp: TestApp;
let team: Team;
let eken: { organisationId: string; propertyId: string; planId: string };
let bjorken: { organisationId: string; propertyId: string; planId: string };

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  eken = await createPropertyWithPlan(team.admin.client, team.accountId, { organisation: 'Brf Eken', property: 'Eken 4', plan: 'Plan Eken' });
  bjorken = await createPropertyWithPlan(team.admin.client, team.accountId, { organisation: 'Brf Björken', property: 'Björken 1', plan: 'Plan Björken' });
});
afterAll(async () => {
  await testApp.close();
});

const membersUrl = () => `/api/accounts/${team.accountId}/members`;

describe('access per property', () => {
  it('invites limited to a property, shows the invited person which, and the accepted member reaches only it', async () => {
    const board = await signUpUser(testApp.app);
    const invited = await team.admin.client.post(membersUrl(), { email: board.email, role: 'viewer', propertyIds: [eken.propertyId, eken.propertyId] });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json().invitation).toMatchObject({ role: 'viewer', propertyIds: [eken.propertyId] });
    const received = (await board.client.get('/api/auth/invitations')).json() as { id: string; propertyNames: string[] | null }[];
    expect(received).toEqual([expect.objectContaining({ propertyNames: ['Eken 4'] })]);
    expect((await team.admin.client.get(membersUrl())).json().invitations).toEqual([
      expect.objectContaining({ email: board.email, propertyIds: [eken.propertyId] }),
    ]);

    expect((await board.client.post(`/api/auth/invitations/${received[0]!.id}/accept`)).statusCode).toBe(200);
    const members = (await team.admin.client.get(membersUrl())).json().members as { userId: string; propertyIds: string[] | null }[];
    expect(members.find((member) => member.userId === board.userId)?.propertyIds).toEqual([eken.propertyId]);
    const organisations = (await board.client.get(`/api/accounts/${team.accountId}/organisations`)).json() as { name: string }[];
    expect(organisations.map((organisation) => organisation.name)).toEqual(['Brf Eken']);
    expect((await board.client.get(`/api/plans/${bjorken.planId}`)).statusCode).toBe(404);
    expect((await board.client.get(`/api/plans/${eken.planId}/analysis`)).statusCode).toBe(200);

    // Changed later: the other property instead, at once; then every property.
    const moved = await team.admin.client.patch(`${membersUrl()}/${board.userId}`, { propertyIds: [bjorken.propertyId] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ role: 'viewer', propertyIds: [bjorken.propertyId] });
    expect((await board.client.get(`/api/plans/${eken.planId}`)).statusCode).toBe(404);
    expect((await board.client.get(`/api/plans/${bjorken.planId}`)).statusCode).toBe(200);
    const everything = await team.admin.client.patch(`${membersUrl()}/${board.userId}`, { propertyIds: null });
    expect(everything.json()).toMatchObject({ propertyIds: null });
    expect((await board.client.get(`/api/accounts/${team.accountId}/organisations`)).json()).toHaveLength(2);

    const audit = await testApp.database.db
      .selectFrom('audit_events')
      .select(['event', 'details'])
      .where('account_id', '=', team.accountId)
      .where('event', '=', 'member.properties_changed')
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((row) => row.details)).toEqual([
      { memberId: board.userId, from: [eken.propertyId], to: [bjorken.propertyId] },
      { memberId: board.userId, from: [bjorken.propertyId], to: null },
    ]);
  });

  it('refuses to limit an admin, an empty choice and a property of another account (400 on the field), and changes nothing', async () => {
    const outsider = await signUpUser(testApp.app);
    const foreign = await createPropertyWithPlan(outsider.client, outsider.accountId);
    const before = await testApp.database.db.selectFrom('invitations').select('id').where('account_id', '=', team.accountId).execute();
    const cases = [
      [{ email: 'styrelse@example.se', role: 'admin', propertyIds: [eken.propertyId] }, 'member.admin_not_scoped'],
      [{ email: 'styrelse@example.se', role: 'viewer', propertyIds: [] }, 'member.property_ids_empty'],
      [{ email: 'styrelse@example.se', role: 'viewer', propertyIds: [eken.propertyId, foreign.propertyId] }, 'member.property_not_in_account'],
    ] as const;
    for (const [body, code] of cases) {
      const response = await team.admin.client.post(membersUrl(), body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.fieldCodes).toEqual({ propertyIds: code });
    }
    expect(await testApp.database.db.selectFrom('invitations').select('id').where('account_id', '=', team.accountId).execute()).toEqual(before);

    const limited = await signUpUser(testApp.app);
    await addMember(team.admin.client, team.accountId, limited, 'editor', [eken.propertyId]);
    // Promoting a limited member to admin must widen their access in the same request.
    const promoted = await team.admin.client.patch(`${membersUrl()}/${limited.userId}`, { role: 'admin' });
    expect(promoted.statusCode).toBe(400);
    expect(promoted.json().error.fieldCodes).toEqual({ propertyIds: 'member.admin_not_scoped' });
    const widened = await team.admin.client.patch(`${membersUrl()}/${limited.userId}`, { role: 'admin', propertyIds: null });
    expect(widened.json()).toMatchObject({ role: 'admin', propertyIds: null });
    expect((await team.admin.client.patch(`${membersUrl()}/${limited.userId}`, {})).json().error.fieldCodes).toEqual({ role: 'member.no_change' });
  });

  it("shows a limited editor's trash only what belonged to their property", async () => {
    const editor = await signUpUser(testApp.app);
    await addMember(team.admin.client, team.accountId, editor, 'editor', [eken.propertyId]);
    const newAction = { category: 'fasad', quantity: 1, unit: 'st', unitPrice: 1000, year: 2030 };
    const inEken = created<{ id: string }>(await team.admin.client.post(`/api/plans/${eken.planId}/actions`, { ...newAction, name: 'Fönster Eken' }));
    const inBjorken = created<{ id: string }>(await team.admin.client.post(`/api/plans/${bjorken.planId}/actions`, { ...newAction, name: 'Fönster Björken' }));
    for (const action of [inEken, inBjorken]) expect((await team.admin.client.delete(`/api/actions/${action.id}`)).statusCode).toBe(204);
    const trash = (await editor.client.get(`/api/accounts/${team.accountId}/trash`)).json() as { id: string }[];
    expect(trash.map((item) => item.id)).toEqual([inEken.id]);
    expect((await editor.client.post(`/api/trash/${inBjorken.id}/restore`)).statusCode).toBe(404);
    expect((await editor.client.post(`/api/trash/${inEken.id}/restore`)).statusCode).toBe(200);
    const adminTrash = (await team.admin.client.get(`/api/accounts/${team.accountId}/trash`)).json() as { id: string }[];
    expect(adminTrash.map((item) => item.id)).toEqual([inBjorken.id]);
  });
});

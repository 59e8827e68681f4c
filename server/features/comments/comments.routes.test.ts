import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  created,
  createPropertyWithPlan,
  expectAllNotFound,
  isoTimestamp,
  signUpTeam,
  snapshotPlanData,
  type Person,
  type Team,
} from '../../test-support/plan-data.ts';
import { createTestApp, TestClient, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let team: Team;
let other: Team;
let actionId: string;
let foreignActionId: string;

const action = { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031 };
const commentsUrl = (id: string) => `/api/actions/${id}/comments`;
const commentUrl = (id: string) => `/api/comments/${id}`;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  const own = await createPropertyWithPlan(team.editor.client, team.accountId);
  actionId = created<{ id: string }>(await team.editor.client.post(`/api/plans/${own.planId}/actions`, action)).id;
  const foreign = await createPropertyWithPlan(other.editor.client, other.accountId);
  foreignActionId = created<{ id: string }>(await other.editor.client.post(`/api/plans/${foreign.planId}/actions`, action)).id;
});
afterAll(async () => {
  await testApp.close();
});

async function nameOf(person: Person): Promise<string> {
  const row = await testApp.database.db.selectFrom('users').select('name').where('id', '=', person.userId).executeTakeFirstOrThrow();
  return row.name;
}

async function comment(person: Person, body: string, id = actionId): Promise<{ id: string }> {
  return created<{ id: string }>(await person.client.post(commentsUrl(id), { body }));
}

describe('comments on an action', () => {
  it('lets every member comment and lists the comments oldest first with author names', async () => {
    const response = await team.viewer.client.post(commentsUrl(actionId), { body: '  Läckage vid skorstenen, se foto.  ' });
    expect(response.statusCode).toBe(201);
    const first = response.json();
    expect(first).toEqual({
      id: expect.any(String),
      actionId,
      authorId: team.viewer.userId,
      authorName: await nameOf(team.viewer),
      body: 'Läckage vid skorstenen, se foto.',
      createdAt: isoTimestamp,
    });
    const second = await comment(team.editor, 'Offert begärd.');
    const third = await comment(team.admin, 'Tas upp på styrelsemötet.');

    const list = await team.viewer.client.get(commentsUrl(actionId));
    expect(list.statusCode).toBe(200);
    expect(list.json().map((item: { id: string; body: string; authorName: string }) => [item.id, item.body, item.authorName])).toEqual([
      [first.id, 'Läckage vid skorstenen, se foto.', await nameOf(team.viewer)],
      [second.id, 'Offert begärd.', await nameOf(team.editor)],
      [third.id, 'Tas upp på styrelsemötet.', await nameOf(team.admin)],
    ]);
  });

  it('answers 400 with field codes in the request language, and writes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    const cases: [unknown, Record<string, string>][] = [
      [{}, { body: 'field.required' }],
      [{ body: '   ' }, { body: 'field.required' }],
      [{ body: 'x'.repeat(4001) }, { body: 'comment.too_long' }],
      [{ body: 'a\u0000b' }, { body: 'field.invalid_characters' }],
      [{ body: 42 }, { body: 'field.invalid' }],
      [{ body: 'ok', authorId: team.admin.userId }, { authorId: 'field.unknown' }],
    ];
    for (const [body, fieldCodes] of cases) {
      const response = await team.viewer.client.post(commentsUrl(actionId), body, { 'accept-language': 'sv' });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fieldCodes).toEqual(fieldCodes);
    }
    const swedish = await team.viewer.client.post(commentsUrl(actionId), { body: 'x'.repeat(4001) }, { 'accept-language': 'sv' });
    expect(swedish.json().error.fields).toEqual({ body: 'En kommentar får vara högst 4 000 tecken.' });
    const english = await team.viewer.client.post(commentsUrl(actionId), { body: 'x'.repeat(4001) }, { 'accept-language': 'en' });
    expect(english.json().error.fields).toEqual({ body: 'A comment may be at most 4,000 characters.' });
    expect(created(await team.viewer.client.post(commentsUrl(actionId), { body: 'x'.repeat(4000) }))).toMatchObject({ body: 'x'.repeat(4000) });
    const after = await snapshotPlanData(testApp.database.db);
    expect(after.action_comments).toHaveLength(before.action_comments!.length + 1);
  });

  it('lets the author delete their own comment, and only an admin delete someone else’s', async () => {
    const byViewer = await comment(team.viewer, 'Min egen');
    const byEditor = await comment(team.editor, 'Redaktörens');
    const byAdmin = await comment(team.admin, 'Administratörens');

    for (const [person, id] of [
      [team.viewer, byEditor.id],
      [team.editor, byViewer.id],
      [team.editor, byAdmin.id],
      [team.viewer, byAdmin.id],
    ] as const) {
      const response = await person.client.delete(commentUrl(id));
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect((await team.viewer.client.delete(commentUrl(byViewer.id))).statusCode).toBe(204);
    expect((await team.admin.client.delete(commentUrl(byEditor.id))).statusCode).toBe(204);
    expect((await team.admin.client.delete(commentUrl(byAdmin.id))).statusCode).toBe(204);
    expect((await team.admin.client.delete(commentUrl(byAdmin.id))).statusCode).toBe(404);
    const ids = (await team.viewer.client.get(commentsUrl(actionId))).json().map((item: { id: string }) => item.id);
    expect(ids).not.toContain(byViewer.id);
    expect(ids).not.toContain(byEditor.id);
    expect(ids).not.toContain(byAdmin.id);
  });

  it('keeps a comment when its author leaves, with the author shown as unknown', async () => {
    const person = team.editor;
    const kept = await comment(person, 'Skrivet innan användaren togs bort');
    const userId = person.userId;
    await testApp.database.db.deleteFrom('users').where('id', '=', userId).execute();
    const list = (await team.viewer.client.get(commentsUrl(actionId))).json() as { id: string; authorId: string | null; authorName: string | null }[];
    expect(list.find((item) => item.id === kept.id)).toMatchObject({ authorId: null, authorName: null });
    team.editor = (await signUpTeam(testApp.app)).editor;
  });

  it('answers 401 without a session', async () => {
    const anonymous = new TestClient(testApp.app);
    expect((await anonymous.get(commentsUrl(actionId))).statusCode).toBe(401);
  });

  it("answers 404 to another account's members for every comment route, and changes nothing", async () => {
    const ownComment = await comment(team.viewer, 'Intern');
    const foreignComment = await comment(other.viewer, 'Annan förening', foreignActionId);
    const before = await snapshotPlanData(testApp.database.db);
    for (const outsider of [other.admin, other.editor, other.viewer]) {
      await expectAllNotFound(outsider.client, [
        { method: 'GET', url: commentsUrl(actionId) },
        { method: 'POST', url: commentsUrl(actionId), body: { body: 'Intrång' } },
        { method: 'DELETE', url: commentUrl(ownComment.id) },
      ]);
    }
    await expectAllNotFound(team.admin.client, [
      { method: 'GET', url: commentsUrl(foreignActionId) },
      { method: 'POST', url: commentsUrl(foreignActionId), body: { body: 'Intrång' } },
      { method: 'DELETE', url: commentUrl(foreignComment.id) },
      { method: 'GET', url: commentsUrl(randomUUID()) },
      { method: 'POST', url: commentsUrl(randomUUID()), body: { body: 'x' } },
      { method: 'DELETE', url: commentUrl(randomUUID()) },
      { method: 'DELETE', url: commentUrl(actionId) },
      { method: 'GET', url: commentsUrl('not-a-uuid') },
      { method: 'DELETE', url: commentUrl('not-a-uuid') },
    ]);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('deletes the comments with their action', async () => {
    const own = await createPropertyWithPlan(team.admin.client, team.accountId, { organisation: 'Brf Asken', property: 'Asken 1', plan: 'Plan' });
    const doomed = created<{ id: string }>(await team.admin.client.post(`/api/plans/${own.planId}/actions`, action)).id;
    await comment(team.viewer, 'Försvinner med åtgärden', doomed);
    expect((await team.admin.client.delete(`/api/actions/${doomed}`)).statusCode).toBe(204);
    const rows = await testApp.database.db.selectFrom('action_comments').select('id').where('action_id', '=', doomed).execute();
    expect(rows).toEqual([]);
  });
});

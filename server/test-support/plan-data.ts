import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../db/database.ts';
import { trashTables } from '../features/trash/trash-kinds.ts';
import { addMember } from './add-member.ts';
import { signUpUser, type TestClient } from './test-app.ts';
import type { AccountId } from '../db/account-id.ts';

/** Every table of plan data, parents first: the tables the trash copies. */
export const planDataTables = trashTables;

export interface Person {
  client: TestClient;
  userId: string;
  email: string;
  name: string;
}

export interface Team {
  accountId: AccountId;
  admin: Person;
  editor: Person;
  viewer: Person;
}

/**
 * A new account with one member of each role: the admin signs up, the editor and the viewer sign up
 * (each with an account of their own) and accept the admin's invitations.
 */
export async function signUpTeam(app: FastifyInstance): Promise<Team> {
  const admin = await signUpUser(app);
  const team: Team = { accountId: admin.accountId, admin, editor: await signUpUser(app), viewer: await signUpUser(app) };
  for (const [person, role] of [
    [team.editor, 'editor'],
    [team.viewer, 'viewer'],
  ] as const) {
    await addMember(admin.client, admin.accountId, person, role);
  }
  return team;
}

/** Every row of every plan-data table, to show that a refused request changed nothing. */
export async function snapshotPlanData(db: Db): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of planDataTables) {
    snapshot[table] = await db.selectFrom(table).selectAll().orderBy('id').execute();
  }
  return snapshot;
}

/** The JSON body of a 201, failing with the body when the status differs. */
export function created<Body = Record<string, unknown>>(response: LightMyRequestResponse): Body {
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Body;
}

/** Any ISO-8601 UTC timestamp as the API writes them. */
export const isoTimestamp = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

interface Created {
  id: string;
}

/** An organisation → property → plan chain made through the API by `client` (an editor or admin). */
export async function createPropertyWithPlan(
  client: TestClient,
  accountId: AccountId,
  names = { organisation: 'Brf Eken', property: 'Eken 4', plan: 'Underhållsplan 2026' },
) {
  const organisation = created<Created>(await client.post(`/api/accounts/${accountId}/organisations`, { name: names.organisation }));
  const property = created<Created>(await client.post(`/api/organisations/${organisation.id}/properties`, { name: names.property }));
  const building = created<Created>(await client.post(`/api/properties/${property.id}/buildings`, { name: 'Hus A' }));
  const location = created<Created>(await client.post(`/api/properties/${property.id}/locations`, { name: 'Tvättstuga' }));
  const plan = created<Created>(await client.post(`/api/properties/${property.id}/plans`, { name: names.plan, startYear: 2026 }));
  return { organisationId: organisation.id, propertyId: property.id, buildingId: building.id, locationId: location.id, planId: plan.id };
}

/**
 * An action with one completion, comment and attachment row, written straight to the database
 * (no file is stored, and no upload is needed): enough to show that deletes cascade all the way down.
 */
export async function insertActionWithHistory(
  db: Db,
  ids: { accountId: AccountId; propertyId: string; planId: string; buildingId?: string | null; locationId?: string | null; userId: string },
): Promise<string> {
  const action = await db
    .insertInto('actions')
    .values({
      account_id: ids.accountId,
      property_id: ids.propertyId,
      plan_id: ids.planId,
      building_id: ids.buildingId ?? null,
      location_id: ids.locationId ?? null,
      name: 'Byte av takpapp',
      category: 'yttertak',
      quantity: 450,
      unit: 'm2',
      unit_price: 640.5,
      year: 2031,
      interval_years: 30,
      status: 'planned',
      tags: ['P-1'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('action_completions')
    .values({ account_id: ids.accountId, action_id: action.id, year: 2001, actual_cost: 250000, completed_by: ids.userId })
    .execute();
  await db.insertInto('action_comments').values({ account_id: ids.accountId, action_id: action.id, author_id: ids.userId, body: 'Besiktigat' }).execute();
  await db
    .insertInto('action_attachments')
    .values({
      account_id: ids.accountId,
      action_id: action.id,
      file_name: 'tak.jpg',
      content_type: 'image/jpeg',
      size_bytes: 1024,
      storage_key: `attachments/${action.id}`,
      uploaded_by: ids.userId,
    })
    .execute();
  return action.id;
}

/** How many rows each plan-data table holds for one account. */
export async function countPlanData(db: Db, accountId: AccountId): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of planDataTables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

/** Sends each request and expects 404 `not_found` for all of them. Bodies must be valid: validation comes first. */
export async function expectAllNotFound(
  client: TestClient,
  requests: { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown }[],
): Promise<void> {
  for (const { method, url, body } of requests) {
    const response = await client.request(method, url, body);
    expect(response.statusCode, `${method} ${url} → ${response.body}`).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  }
}

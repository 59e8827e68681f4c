import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryCodes } from '../../shared/categories.ts';
import { statusCodes } from '../../shared/statuses.ts';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

/**
 * The database's own guarantees for plan data (migration 0003), beneath the services' checks:
 * no reference can cross accounts, an action's building and location belong to its plan's
 * property, and the stored codes are the shared ones.
 */
let testApp: TestApp;
let team: Team;
let other: Team;
let mine: Awaited<ReturnType<typeof createPropertyWithPlan>>;
let theirs: Awaited<ReturnType<typeof createPropertyWithPlan>>;
let siblingPropertyId: string;
beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  mine = await createPropertyWithPlan(team.admin.client, team.accountId);
  theirs = await createPropertyWithPlan(other.admin.client, other.accountId);
  siblingPropertyId = created<{ id: string }>(await team.admin.client.post(`/api/organisations/${mine.organisationId}/properties`, { name: 'Eken 5' })).id;
});
afterAll(async () => {
  await testApp.close();
});

const foreignKeyViolation = { code: '23503' };
const checkViolation = { code: '23514' };

function actionValues(overrides: Record<string, unknown> = {}) {
  return {
    account_id: team.accountId,
    property_id: mine.propertyId,
    plan_id: mine.planId,
    name: 'Målning fönster',
    category: 'fasad' as const,
    quantity: 40,
    unit: 'st',
    unit_price: 2500,
    year: 2027,
    interval_years: 8,
    status: 'planned' as const,
    ...overrides,
  };
}

describe('tenancy in the database', () => {
  it('refuses a row whose parent is in another account', async () => {
    const db = testApp.database.db;
    await expect(
      db.insertInto('properties').values({ account_id: other.accountId, organisation_id: mine.organisationId, name: 'X' }).execute(),
    ).rejects.toMatchObject(foreignKeyViolation);
    for (const table of ['buildings', 'locations'] as const) {
      await expect(
        db.insertInto(table).values({ account_id: other.accountId, property_id: mine.propertyId, name: 'X', name_key: 'x' }).execute(),
        table,
      ).rejects.toMatchObject(foreignKeyViolation);
    }
    await expect(
      db.insertInto('plans').values({ account_id: other.accountId, property_id: mine.propertyId, name: 'X', start_year: 2026 }).execute(),
    ).rejects.toMatchObject(foreignKeyViolation);
    await expect(
      db
        .insertInto('actions')
        .values(actionValues({ account_id: other.accountId }))
        .execute(),
    ).rejects.toMatchObject(foreignKeyViolation);
    await expect(
      db
        .insertInto('actions')
        .values(actionValues({ building_id: theirs.buildingId }))
        .execute(),
    ).rejects.toMatchObject(foreignKeyViolation);

    const action = await db.insertInto('actions').values(actionValues()).returning('id').executeTakeFirstOrThrow();
    await expect(db.insertInto('action_completions').values({ account_id: other.accountId, action_id: action.id, year: 2027 }).execute()).rejects.toMatchObject(
      foreignKeyViolation,
    );
    await expect(db.insertInto('action_comments').values({ account_id: other.accountId, action_id: action.id, body: 'X' }).execute()).rejects.toMatchObject(
      foreignKeyViolation,
    );
    await expect(
      db
        .insertInto('action_attachments')
        .values({ account_id: other.accountId, action_id: action.id, file_name: 'x', content_type: 'text/plain', size_bytes: 1, storage_key: 'x' })
        .execute(),
    ).rejects.toMatchObject(foreignKeyViolation);
    await expect(db.updateTable('actions').set({ account_id: other.accountId }).where('id', '=', action.id).execute()).rejects.toMatchObject(
      foreignKeyViolation,
    );
    await db.deleteFrom('actions').where('id', '=', action.id).execute();
  });

  it("refuses an action whose building or location is another property's, or whose property is not its plan's", async () => {
    const db = testApp.database.db;
    const siblingBuilding = await db
      .insertInto('buildings')
      .values({ account_id: team.accountId, property_id: siblingPropertyId, name: 'Hus B', name_key: 'hus b' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const siblingLocation = await db
      .insertInto('locations')
      .values({ account_id: team.accountId, property_id: siblingPropertyId, name: 'Vind', name_key: 'vind' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('actions')
        .values(actionValues({ building_id: siblingBuilding.id }))
        .execute(),
    ).rejects.toMatchObject(foreignKeyViolation);
    await expect(
      db
        .insertInto('actions')
        .values(actionValues({ location_id: siblingLocation.id }))
        .execute(),
    ).rejects.toMatchObject(foreignKeyViolation);
    await expect(
      db
        .insertInto('actions')
        .values(actionValues({ property_id: siblingPropertyId }))
        .execute(),
    ).rejects.toMatchObject(foreignKeyViolation);

    const action = await db
      .insertInto('actions')
      .values(actionValues({ building_id: mine.buildingId, location_id: mine.locationId }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(db.updateTable('actions').set({ building_id: siblingBuilding.id }).where('id', '=', action.id).execute()).rejects.toMatchObject(
      foreignKeyViolation,
    );
    await db.deleteFrom('actions').where('id', '=', action.id).execute();
  });
});

describe('codes and numbers', () => {
  it('stores exactly the shared category and status codes', async () => {
    const db = testApp.database.db;
    for (const category of categoryCodes) await db.insertInto('actions').values(actionValues({ category })).execute();
    for (const status of statusCodes) await db.insertInto('actions').values(actionValues({ status })).execute();
    await expect(
      db
        .insertInto('actions')
        .values(actionValues({ category: 'tak' }))
        .execute(),
    ).rejects.toMatchObject(checkViolation);
    await expect(
      db
        .insertInto('actions')
        .values(actionValues({ status: 'cancelled' }))
        .execute(),
    ).rejects.toMatchObject(checkViolation);
    await db.deleteFrom('actions').where('plan_id', '=', mine.planId).execute();
  });

  it('gives numeric columns back as the numbers written', async () => {
    const db = testApp.database.db;
    const values = [0, 0.01, 0.1, 19.99, 2500, 1_234_567.89, 999_999_999_999.99];
    for (const amount of values) {
      const row = await db
        .insertInto('actions')
        .values(actionValues({ unit_price: amount, quantity: amount / 1000 }))
        .returning(['unit_price', 'quantity'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ unit_price: amount, quantity: amount / 1000 });
    }
    await expect(
      db
        .insertInto('actions')
        .values(actionValues({ unit_price: -0.01 }))
        .execute(),
    ).rejects.toMatchObject(checkViolation);
    await db.deleteFrom('actions').where('plan_id', '=', mine.planId).execute();
  });

  it("indexes a plan's actions", async () => {
    const result = await sql<{ indexdef: string }>`select indexdef from pg_indexes where tablename = 'actions' and indexname = 'actions_plan_id'`.execute(
      testApp.database.db,
    );
    expect(result.rows[0]?.indexdef).toContain('(plan_id)');
  });
});

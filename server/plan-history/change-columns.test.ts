import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { builtinLibrary } from '../features/library/builtin-library.ts';
import { actionChangeColumns, planChangeColumns } from './change-columns.ts';

let testApp: TestApp;
let team: Team;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
});
afterAll(async () => {
  await testApp.close();
});

/** A value of the column's type that differs from what the test's action and plan hold. */
const newValues: Record<string, unknown> = {
  name: 'Annat namn',
  category: 'el',
  building_id: null,
  location_id: null,
  quantity: 7,
  unit: 'st',
  unit_price: 99.5,
  year: 2044,
  interval_years: 12,
  status: 'urgent',
  base_year: 2020,
  is_investment: true,
  tags: ['ny'],
  note: 'Ny anteckning',
  library_item_id: builtinLibrary().items[0]!.id,
  start_year: 2030,
  length_years: 20,
  client_cost_percent: 5,
  vat_percent: 12,
  indexation_enabled: true,
  indexation_rate_percent: 3,
  indexation_default_base_year: 2024,
  fund_opening_balance: 1000,
  fund_current_provision: 2000,
  fund_provision_growth_percent: 1,
  fund_interest_rate_percent: 2,
  fund_minimum_balance: 500,
};

async function lastChangeOf(planId: string): Promise<Record<string, unknown>> {
  const row = await testApp.database.db
    .selectFrom('plan_changes')
    .select('changes')
    .where('plan_id', '=', planId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.changes as Record<string, unknown>;
}

it('records each action column under the field name undo writes back to it', async () => {
  const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
  const action = created<{ id: string }>(
    await team.editor.client.post(`/api/plans/${ids.planId}/actions`, {
      name: 'Byte av takpapp',
      category: 'yttertak',
      buildingId: ids.buildingId,
      locationId: ids.locationId,
      quantity: 450,
      unit: 'm2',
      unitPrice: 640.5,
      year: 2031,
    }),
  );
  expect(Object.keys(await lastChangeOf(ids.planId)).sort()).toEqual(Object.keys(actionChangeColumns).sort());
  for (const [field, column] of Object.entries(actionChangeColumns)) {
    await sql`update actions set ${sql.ref(column)} = ${newValues[column]} where id = ${action.id}`.execute(testApp.database.db);
    expect(Object.keys(await lastChangeOf(ids.planId)), column).toEqual([field]);
  }
});

it('records each plan setting column under the field name undo writes back to it', async () => {
  const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
  for (const [field, column] of Object.entries(planChangeColumns)) {
    await sql`update plans set ${sql.ref(column)} = ${column === 'name' ? 'Ny plan' : newValues[column]} where id = ${ids.planId}`.execute(testApp.database.db);
    expect(Object.keys(await lastChangeOf(ids.planId)), column).toEqual([field]);
  }
});

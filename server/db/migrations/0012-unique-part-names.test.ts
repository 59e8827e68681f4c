import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { down, up } from './0012-unique-part-names.ts';

let testApp: TestApp;
let team: Team;
let propertyId: string;
let otherPropertyId: string;

/** The database as it was before the migration, with the duplicates the API let through then. */
beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  propertyId = (await createPropertyWithPlan(team.editor.client, team.accountId)).propertyId;
  otherPropertyId = (await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Alm', property: 'Alm 1', plan: 'Alm' })).propertyId;
  await down(database());
});
afterAll(async () => {
  await testApp.close();
});

const database = () => testApp.database.db as unknown as Kysely<unknown>;

/** Inserts parts in this order, one second apart, so their age is the order given. */
async function insertParts(table: 'buildings' | 'locations', parts: [property: string, name: string][]) {
  for (const [index, [property, name]] of parts.entries()) {
    await sql`
      insert into ${sql.table(table)} (account_id, property_id, name, created_at)
      values (${team.accountId}, ${property}, ${name}, now() + make_interval(secs => ${index + 1}))
    `.execute(database());
  }
}

async function namesOf(table: 'buildings' | 'locations', property: string) {
  const { rows } = await sql<{ name: string; nameKey: string }>`
    select name, name_key as "nameKey" from ${sql.table(table)} where property_id = ${property} order by created_at, name
  `.execute(database());
  return rows;
}

it('renames later duplicates with the first free suffix, oldest first, then refuses new ones', async () => {
  const long = 'x'.repeat(120);
  // createPropertyWithPlan made "Hus A" and "Tvättstuga" first in each property.
  await insertParts('buildings', [
    [propertyId, 'hus a'],
    [propertyId, 'Hus A (2)'],
    [propertyId, ' HUS A'],
    [propertyId, long],
    [propertyId, long.toUpperCase()],
    [otherPropertyId, 'Hus B'],
  ]);
  await insertParts('locations', [[propertyId, 'TVÄTTSTUGA']]);

  await up(database());

  expect(await namesOf('buildings', propertyId)).toEqual([
    { name: 'Hus A', nameKey: 'hus a' },
    // "(2)" is another building's name already.
    { name: 'hus a (3)', nameKey: 'hus a (3)' },
    { name: 'Hus A (2)', nameKey: 'hus a (2)' },
    { name: 'HUS A (4)', nameKey: 'hus a (4)' },
    { name: long, nameKey: long },
    // Shortened to stay within 120 characters.
    { name: `${'X'.repeat(116)} (2)`, nameKey: `${'x'.repeat(116)} (2)` },
  ]);
  // Another property keeps its own "Hus A".
  expect(await namesOf('buildings', otherPropertyId)).toEqual([
    { name: 'Hus A', nameKey: 'hus a' },
    { name: 'Hus B', nameKey: 'hus b' },
  ]);
  expect(await namesOf('locations', propertyId)).toEqual([
    { name: 'Tvättstuga', nameKey: 'tvättstuga' },
    { name: 'TVÄTTSTUGA (2)', nameKey: 'tvättstuga (2)' },
  ]);

  const again = await team.editor.client.post(`/api/properties/${propertyId}/buildings`, { name: 'HUS A (4)' });
  expect(again.statusCode).toBe(409);
  expect(again.json().error.fieldCodes).toEqual({ name: 'building.name_taken' });
  await expect(
    sql`insert into buildings (account_id, property_id, name, name_key) values (${team.accountId}, ${propertyId}, 'Hus Z', 'hus a')`.execute(database()),
  ).rejects.toMatchObject({ code: '23505', constraint: 'buildings_name_key' });
});

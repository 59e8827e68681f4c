import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { actionChangeColumns, planChangeColumns } from './change-columns.ts';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

/** The column → field mapping the history triggers use, as field → column. */
async function mappingOf(sqlFunction: 'action_change_columns' | 'plan_change_columns'): Promise<Record<string, string>> {
  const { rows } = await sql<{ mapping: Record<string, string> }>`select ${sql.raw(sqlFunction)}() as mapping`.execute(testApp.database.db);
  return Object.fromEntries(Object.entries(rows[0]!.mapping).map(([column, field]) => [field, column]));
}

it('maps the same fields to the same columns as the history triggers', async () => {
  expect(await mappingOf('action_change_columns')).toEqual(actionChangeColumns);
  expect(await mappingOf('plan_change_columns')).toEqual(planChangeColumns);
});

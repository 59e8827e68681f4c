import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.ts';
import { runKyselyCodegen } from './kysely-codegen.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

it('has generated table types that match the migrated schema (else run npm run db:types)', async () => {
  const result = await runKyselyCodegen(database.url, database.caFile, 'verify');
  expect(result.output).toContain('Generated types are up-to-date');
  expect(result.exitCode).toBe(0);
});

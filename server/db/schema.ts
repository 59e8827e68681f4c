import type { Selectable } from 'kysely';
import type { BackupRuns, DB } from './generated-types.ts';

/**
 * The database as Kysely sees it. The table types are generated from the migrated schema by
 * `npm run db:types` (kysely-codegen, settings in .kysely-codegenrc.json, which also narrows
 * CHECK-constrained text columns to unions); db-types.test.ts fails when they are out of date.
 */
export type Database = DB;

export type BackupRunKind = Selectable<BackupRuns>['kind'];

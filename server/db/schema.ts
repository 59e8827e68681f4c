import type { Generated, Selectable } from 'kysely';
import type { AccountId } from './account-id.ts';
import type { BackupRuns, DB } from './generated-types.ts';

/**
 * The database as Kysely sees it. The table types are generated from the migrated schema by
 * `npm run db:types` (kysely-codegen, settings in .kysely-codegenrc.json, which also narrows
 * CHECK-constrained text columns to unions); db-types.test.ts fails when they are out of date.
 */
export type Database = { [Table in keyof DB]: WithAccountIds<Table, DB[Table]> };

/** Every `account_id` column, and the accounts' own `id`, holds an `AccountId`. */
type WithAccountIds<Table, Columns> = {
  [Column in keyof Columns]: Column extends 'account_id'
    ? null extends Columns[Column]
      ? AccountId | null
      : AccountId
    : Table extends 'accounts'
      ? Column extends 'id'
        ? Generated<AccountId>
        : Columns[Column]
      : Columns[Column];
};

export type BackupRunKind = Selectable<BackupRuns>['kind'];

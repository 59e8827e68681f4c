import type { Language } from '../../../shared/i18n/language.ts';
import type { LibraryItem } from '../../../shared/schemas/library.ts';
import type { LibraryImportDryRunResponse, LibraryImportMapping, LibraryImportResponse } from '../../../shared/schemas/library-spreadsheet.ts';
import { maxListedImportRows } from '../../../shared/schemas/spreadsheet.ts';
import type { Actor } from '../../auth/actor.ts';
import { requirePermission } from '../../auth/require-permission.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { importRowsError } from '../spreadsheets/import-rows-error.ts';
import { readingSummaryOf } from '../spreadsheets/read-sheet-frame.ts';
import { fileError, readSpreadsheet } from '../spreadsheets/read-spreadsheet.ts';
import { buildLibraryWorkbook } from './build-library-workbook.ts';
import { libraryImportChanges, type LibraryItemValues } from './library-import-changes.ts';
import * as itemQueries from './library-items.queries.ts';
import * as queries from './library-spreadsheets.queries.ts';
import { readLibraryRows, type LibraryReading } from './read-library-rows.ts';
import type { SheetRow } from '../spreadsheets/sheet-rows.ts';

/** The account's own items (not the built-in ones) as an .xlsx in the import's format. Editors and admins. */
export async function exportLibraryItems(deps: Deps, actor: Actor, accountId: string): Promise<Buffer> {
  const account = await requirePermission(deps.db, actor, accountId, 'plans:write');
  const workbook = buildLibraryWorkbook(await listAccountItems(deps.db, account), new Date());
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface LibraryImportInput {
  file: Buffer;
  dryRun: boolean;
  mapping?: LibraryImportMapping | undefined;
  language: Language;
}

/**
 * Imports the file's rows into the account's library: a row with the id of one of its items
 * updates the fields that differ, a row without one creates an item. A dry run checks everything
 * and says what a confirm would do; a confirm does it in one transaction, or, when any cell is
 * wrong, writes nothing and answers 400 with every error.
 */
export async function importLibraryItems(
  deps: Deps,
  actor: Actor,
  accountId: string,
  input: LibraryImportInput,
): Promise<LibraryImportDryRunResponse | LibraryImportResponse> {
  // Checked before the file is parsed, so a viewer or a stranger costs no parsing.
  const account = await requirePermission(deps.db, actor, accountId, 'plans:write');
  const rows = await readSpreadsheet(input.file);
  if (input.dryRun) {
    const { reading, items } = await readAgainstLibrary(deps.db, account, rows, input);
    const changes = libraryImportChanges(reading, items);
    return {
      ...readingSummaryOf(reading),
      toCreate: changes.creates.length,
      toUpdate: changes.updates.length,
      unchanged: changes.unchanged,
      updates: changes.updates.slice(0, maxListedImportRows).map((update) => update.summary),
    };
  }
  return deps.db.transaction().execute(async (transaction) => {
    // Again inside the transaction: the membership may have changed while the file was parsed.
    await requirePermission(transaction, actor, accountId, 'plans:write');
    await queries.lockAccountItems(transaction, account);
    const { reading, items } = await readAgainstLibrary(transaction, account, rows, input);
    if (reading.rowCount === 0) throw fileError('spreadsheet.no_rows');
    if (reading.errors.length > 0) throw importRowsError(reading.errors);
    const changes = libraryImportChanges(reading, items);
    for (const { values } of changes.creates) await itemQueries.insertAccountItem(transaction, account, columnsOf(values));
    for (const { summary, values } of changes.updates) await itemQueries.updateAccountItem(transaction, account, summary.itemId, columnsOf(values));
    return { created: changes.creates.length, updated: changes.updates.length, unchanged: changes.unchanged };
  });
}

async function listAccountItems(db: Db, accountId: AccountId): Promise<LibraryItem[]> {
  const items = await itemQueries.listVisibleItems(db, accountId, {});
  return items.filter((item) => item.origin === 'account');
}

/** The file's rows checked against the account's items and the built-in ones, as they are now. */
async function readAgainstLibrary(
  db: Db,
  accountId: AccountId,
  rows: readonly SheetRow[],
  input: LibraryImportInput,
): Promise<{ reading: LibraryReading; items: LibraryItem[] }> {
  const [items, builtinItemIds] = await Promise.all([listAccountItems(db, accountId), queries.listReplaceableBuiltinIds(db)]);
  const replacements = new Map(items.flatMap((item) => (item.replacesItemId === null ? [] : [[item.replacesItemId, item.id] as const])));
  const reading = readLibraryRows(
    rows,
    { accountItemIds: new Set(items.map((item) => item.id)), builtinItemIds, replacements },
    { manualMapping: input.mapping, language: input.language },
  );
  return { reading, items };
}

function columnsOf(values: LibraryItemValues): itemQueries.AccountItemValues {
  return {
    name_sv: values.nameSv,
    name_en: values.nameEn,
    category: values.category,
    unit: values.unit,
    lifetime_years: values.lifetimeYears,
    unit_price: values.unitPrice,
    price_year: values.priceYear,
    source: values.source,
    kind: values.kind,
    replaces_item_id: values.replacesItemId,
  };
}

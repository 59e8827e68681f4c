import type { ValidationMessageKey } from '../../../shared/i18n/validation-messages.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import { createLibraryItemRequestSchema, type CreateLibraryItemRequest } from '../../../shared/schemas/library.ts';
import type { LibraryImportColumn, LibraryImportField, LibraryImportMapping } from '../../../shared/schemas/library-spreadsheet.ts';
import { categoryCodeOf } from '../spreadsheets/read-import-rows.ts';
import {
  cellNumberValue,
  cellTextValue,
  checkRowRequest,
  readSheetFrame,
  rowIdOf,
  sortReadingErrors,
  type ReadingError,
} from '../spreadsheets/read-sheet-frame.ts';
import type { SheetCell, SheetRow } from '../spreadsheets/sheet-rows.ts';
import { kindOf, librarySheetLayout } from './library-sheet-layout.ts';

/** A valid row: the item as a create request, and the id of the account's item it updates (null: it creates one). */
export interface ImportedLibraryItem {
  row: number;
  id: string | null;
  request: CreateLibraryItemRequest;
}

export interface LibraryReading {
  columns: LibraryImportColumn[];
  rowCount: number;
  validRowCount: number;
  preview: { row: number; cells: string[] }[];
  /** Every error, in row and column order. */
  errors: ReadingError<LibraryImportField>[];
  /** The valid rows; all of them only when `errors` is empty. */
  items: ImportedLibraryItem[];
  /** The fields the file has a column for: an update leaves the others as they are. */
  mappedFields: ReadonlySet<LibraryImportField>;
}

/**
 * Reads a sheet's rows as account library items, with the plan import's header search, mapping and
 * per-cell errors, each row checked with `createLibraryItemRequestSchema` so the rules and messages
 * are those of `POST /api/accounts/:accountId/library-items`. Pure: the ids a row may update (the
 * account's items) and replace (the built-in items) are given.
 */
export function readLibraryRows(
  sheetRows: readonly SheetRow[],
  known: {
    accountItemIds: ReadonlySet<string>;
    builtinItemIds: ReadonlySet<string>;
    /** Each built-in item the account has replaced, and the account's item that replaces it. */
    replacements?: ReadonlyMap<string, string>;
  },
  options: { manualMapping?: LibraryImportMapping | undefined; language: Language },
): LibraryReading {
  const frame = readSheetFrame(sheetRows, librarySheetLayout, options);
  const items: ImportedLibraryItem[] = [];
  const seenIds = new Set<string>();
  const replacedInFile = new Set<string>();
  for (const { row, cells } of frame.rows) {
    const before = frame.errors.length;
    const cell = (field: LibraryImportField): SheetCell => frame.cellOf(cells, field);
    const fail = (field: LibraryImportField) => (code: ValidationMessageKey) => frame.fail(row, field, code);
    const request = rowRequest(cell, fail);
    // The name may be one text or a pair, and a union's refusal reads "invalid": a blank name is "required".
    if (request.name === undefined && frame.columnOf.has('name')) fail('name')('field.required');
    const id = rowIdOf(cell('id'), known.accountItemIds, seenIds, fail('id'), {
      unknown: 'spreadsheet.library_id_unknown',
      twice: 'spreadsheet.library_id_twice',
    });
    // A built-in item has at most one replacement per account: another item's, or an earlier row's, is taken.
    const replaces = rowIdOf(cell('replacesItemId'), known.builtinItemIds, replacedInFile, fail('replacesItemId'), {
      unknown: 'spreadsheet.builtin_id_unknown',
      twice: 'library.already_replaced',
    });
    const replacedBy = replaces === null ? undefined : known.replacements?.get(replaces);
    if (replacedBy !== undefined && replacedBy !== id) fail('replacesItemId')('library.already_replaced');
    else if (replaces !== null) request.replacesItemId = replaces;
    const parsed = checkRowRequest(frame, row, before, createLibraryItemRequestSchema, request);
    if (parsed) items.push({ row, id, request: parsed });
  }
  sortReadingErrors(frame.errors);
  return {
    columns: frame.columns,
    rowCount: frame.rows.length,
    validRowCount: items.length,
    preview: frame.preview,
    errors: frame.errors,
    items,
    mappedFields: new Set(frame.columnOf.keys()),
  };
}

/**
 * The row as a create request. The English name, when given, makes the name a pair; the kind is
 * read by code or word, and a word the import does not know is this reader's error, in words a
 * spreadsheet's user can act on.
 */
function rowRequest(
  cell: (field: LibraryImportField) => SheetCell,
  fail: (field: LibraryImportField) => (code: ValidationMessageKey) => void,
): Record<string, unknown> {
  const request: Record<string, unknown> = {};
  const name = cellTextValue(cell('name'));
  const nameEn = cellTextValue(cell('nameEn'));
  request.name = name !== undefined && nameEn !== undefined ? { sv: name, en: nameEn } : name;
  const category = cellTextValue(cell('category'));
  if (category !== undefined) request.category = categoryCodeOf(category) ?? category;
  request.unit = cellTextValue(cell('unit'));
  request.lifetimeYears = cellNumberValue(cell('lifetimeYears'));
  request.unitPrice = cellNumberValue(cell('unitPrice'), 2);
  request.priceYear = cellNumberValue(cell('priceYear'));
  const source = cellTextValue(cell('source'));
  if (source !== undefined) request.source = source;
  const kind = cellTextValue(cell('kind'));
  if (kind !== undefined) {
    const code = kindOf(kind);
    if (code === undefined) fail('kind')('spreadsheet.kind_invalid');
    else request.kind = code;
  }
  for (const key of Object.keys(request)) if (request[key] === undefined) delete request[key];
  return request;
}

import type { z } from 'zod';
import { translateValidationMessage, type ValidationMessageKey } from '../../../shared/i18n/validation-messages.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import { importPreviewRows, maxReportedImportErrors } from '../../../shared/schemas/spreadsheet.ts';
import { issuesToFieldCodes } from '../../../shared/validation-issues.ts';
import { restoreNeutralisedFormula } from './neutralise-formula.ts';
import { parseSpreadsheetNumber } from './parse-spreadsheet-number.ts';
import type { HeaderMatcher } from './spreadsheet-headers.ts';
import { cellText, isBlankRow, type SheetCell, type SheetRow } from './sheet-rows.ts';

/** One kind of import's columns: the headers its export writes, how headers are recognised, and the fields a file must have. */
export interface SheetLayout<F extends string> {
  headers: Record<F, { sv: string; en: string }>;
  matcher: HeaderMatcher<F>;
  required: readonly F[];
}

/** A problem in one cell (or a missing column), with its code typed so a service can hand it on as a field code. */
export interface ReadingError<F extends string> {
  row: number;
  columnIndex: number | null;
  column: string;
  field: F;
  code: ValidationMessageKey;
  message: string;
}

/**
 * A sheet as an import reads it, before its rows mean anything: the header row found, the columns
 * mapped (automatically or by hand), the data rows, the preview, and the errors so far (a missing
 * or repeated column). The row readers of each import add their cells' errors with `fail`.
 */
export interface SheetFrame<F extends string> {
  columns: { index: number; header: string; field: F | null }[];
  /** Data rows, blank ones skipped; `row` is the spreadsheet's row number. */
  rows: SheetRow[];
  /** The fields the file has a column for: an update leaves the others as they are. */
  columnOf: ReadonlyMap<F, number>;
  errors: ReadingError<F>[];
  preview: { row: number; cells: string[] }[];
  /** The cell of a field in a row's cells; null when the file has no column for it. */
  cellOf: (cells: readonly SheetCell[], field: F) => SheetCell;
  /** Reports a problem in a field's cell of a row (on the field's header when the file has no column for it). */
  fail: (row: number, field: F, code: ValidationMessageKey) => void;
}

/** How many of the first rows are searched for the header row (a title or notes may come first). */
const headerSearchRows = 10;

export function readSheetFrame<F extends string>(
  sheetRows: readonly SheetRow[],
  layout: SheetLayout<F>,
  options: { manualMapping?: readonly (F | null)[] | undefined; language: Language },
): SheetFrame<F> {
  const { matcher } = layout;
  const headerIndex = findHeaderRow(sheetRows, matcher);
  const headerRow = sheetRows[headerIndex];
  const headers = (headerRow?.cells ?? []).map(cellText);
  let dataStart = headerIndex + 1;
  const next = sheetRows[dataStart];
  if (next && isSecondHeaderRow(headers, next.cells.map(cellText), matcher)) dataStart += 1;
  const rows = sheetRows.slice(dataStart).filter((row) => !isBlankRow(row.cells));

  const width = Math.max(headers.length, ...rows.map((row) => row.cells.length));
  const automatic = matcher.mapColumns(headers);
  const mapping = Array.from({ length: width }, (_, index) => (options.manualMapping ? (options.manualMapping[index] ?? null) : (automatic[index] ?? null)));
  const columns = mapping.map((field, index) => ({ index, header: headers[index] ?? '', field }));

  const errors: ReadingError<F>[] = [];
  const columnOf = new Map<F, number>();
  const error = (row: number, field: F, columnIndex: number | null, code: ValidationMessageKey) => {
    const column = columnIndex === null ? layout.headers[field][options.language === 'sv' ? 'sv' : 'en'] : columnLabel(headers, columnIndex);
    errors.push({ row, columnIndex, column, field, code, message: translateValidationMessage(code, options.language) });
  };
  mapping.forEach((field, index) => {
    if (field === null) return;
    if (columnOf.has(field)) error(headerRow?.row ?? 1, field, index, 'spreadsheet.column_twice');
    else columnOf.set(field, index);
  });
  for (const field of layout.required) if (!columnOf.has(field)) error(headerRow?.row ?? 1, field, null, 'spreadsheet.column_missing');

  return {
    columns,
    rows,
    columnOf,
    errors,
    preview: rows.slice(0, importPreviewRows).map(({ row, cells }) => ({ row, cells: Array.from({ length: width }, (_, index) => cellText(cells[index])) })),
    cellOf: (cells, field) => {
      const index = columnOf.get(field);
      return index === undefined ? null : (cells[index] ?? null);
    },
    fail: (row, field, code) => error(row, field, columnOf.get(field) ?? null, code),
  };
}

/**
 * Checks a row's request with the API's own schema and reports each failing field once, on its
 * cell: a field the row already reported (a number that is not one) keeps that first message, and
 * a required field without a column is reported once, on the header row, not on every row.
 * Returns the parsed request, or null when the row has any error.
 */
export function checkRowRequest<F extends string, S extends z.ZodType>(
  frame: SheetFrame<F>,
  row: number,
  errorsBefore: number,
  schema: S,
  request: Record<string, unknown>,
): z.output<S> | null {
  const parsed = schema.safeParse(request, { reportInput: true });
  if (!parsed.success) {
    for (const [path, code] of Object.entries(issuesToFieldCodes(parsed.error.issues))) {
      const field = (path.split('.')[0] ?? '') as F;
      if (!frame.columnOf.has(field)) continue;
      if (!frame.errors.slice(errorsBefore).some((existing) => existing.field === field)) frame.fail(row, field, code);
    }
  }
  return frame.errors.length === errorsBefore && parsed.success ? parsed.data : null;
}

/** How a dry run answers the reading of a file, whatever its fields: errors listed up to `maxReportedImportErrors`. */
export function readingSummaryOf<F extends string>(reading: {
  columns: SheetFrame<F>['columns'];
  rowCount: number;
  validRowCount: number;
  preview: SheetFrame<F>['preview'];
  errors: ReadingError<F>[];
}) {
  return {
    columns: reading.columns,
    rowCount: reading.rowCount,
    validRowCount: reading.validRowCount,
    preview: reading.preview,
    errorCount: reading.errors.length,
    errors: reading.errors.slice(0, maxReportedImportErrors),
  };
}

/** Errors in row order, then column order (a missing column first). */
export function sortReadingErrors<F extends string>(errors: ReadingError<F>[]): void {
  errors.sort((a, b) => a.row - b.row || (a.columnIndex ?? -1) - (b.columnIndex ?? -1));
}

/** A text cell's content with a neutralised formula restored; undefined when blank. */
export function cellTextValue(value: SheetCell): string | undefined {
  if (value === null) return undefined;
  const content = typeof value === 'string' ? restoreNeutralisedFormula(value.trim()) : cellText(value);
  return content === '' ? undefined : content;
}

/** A number cell; `decimals`: a computed cell holding 640.4999999999 is meant to whole öre. */
export function cellNumberValue(value: SheetCell, decimals?: number): number | undefined {
  const number = parseSpreadsheetNumber(typeof value === 'string' ? value.trim() : value);
  if (decimals !== undefined && number !== undefined && Math.abs(number * 10 ** decimals - Math.round(number * 10 ** decimals)) < 1e-6) {
    return Math.round(number * 10 ** decimals) / 10 ** decimals;
  }
  return number;
}

/**
 * The id of an existing row the file updates, lower case; null when the cell is blank. Anything
 * else (not an id, an id outside `knownIds`, or one an earlier row has already used) is a cell
 * error, so a file can never touch anything outside what it may update, or update one thing twice.
 */
export function rowIdOf(
  value: SheetCell,
  knownIds: ReadonlySet<string>,
  /** The ids earlier rows used, when each may be used once; null: any number of times. */
  seenIds: Set<string> | null,
  fail: (code: ValidationMessageKey) => void,
  codes: { unknown: ValidationMessageKey; twice: ValidationMessageKey } = { unknown: 'spreadsheet.id_unknown', twice: 'spreadsheet.id_twice' },
): string | null {
  const text = cellText(value).trim().toLowerCase();
  if (text === '') return null;
  if (!knownIds.has(text)) {
    fail(codes.unknown);
    return null;
  }
  if (seenIds === null) return text;
  if (seenIds.has(text)) {
    fail(codes.twice);
    return null;
  }
  seenIds.add(text);
  return text;
}

function columnLabel(headers: readonly string[], index: number): string {
  return headers[index] || columnLetters(index);
}

/** A, B, …, Z, AA…: how a spreadsheet names a column without a header. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The row among the first ten with the most recognised headers; the first non-blank row if none has any. */
function findHeaderRow<F extends string>(rows: readonly SheetRow[], matcher: HeaderMatcher<F>): number {
  let best = -1;
  let bestCount = 0;
  for (let index = 0; index < Math.min(rows.length, headerSearchRows); index += 1) {
    const count = matcher.countRecognisedHeaders(rows[index]!.cells.map(cellText));
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  }
  if (best >= 0) return best;
  const firstFilled = rows.findIndex((row) => !isBlankRow(row.cells));
  return firstFilled < 0 ? 0 : firstFilled;
}

/** Our template's English header row under the Swedish one: the same fields in the same columns. */
function isSecondHeaderRow<F extends string>(headers: readonly string[], candidate: readonly string[], matcher: HeaderMatcher<F>): boolean {
  if (matcher.countRecognisedHeaders(candidate) < 2) return false;
  const first = matcher.mapColumns(headers);
  return matcher.mapColumns(candidate).every((field, index) => field === null || field === first[index]);
}

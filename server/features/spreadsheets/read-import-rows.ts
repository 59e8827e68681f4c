import { categoryCodes, categoryNames, type CategoryCode } from '../../../shared/categories.ts';
import { translateValidationMessage, type ValidationMessageKey } from '../../../shared/i18n/validation-messages.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import { createActionRequestSchema, type CreateActionRequest } from '../../../shared/schemas/action.ts';
import { nameSchema } from '../../../shared/schemas/common.ts';
import { propertyPartNameKey } from '../../../shared/property-part-name-key.ts';
import {
  importPreviewRows,
  requiredImportFields,
  type ImportCellError,
  type ImportColumn,
  type ImportField,
  type ImportMapping,
} from '../../../shared/schemas/spreadsheet.ts';
import { statusCodes, statusNames, type StatusCode } from '../../../shared/statuses.ts';
import { issuesToFieldCodes } from '../../../shared/validation-issues.ts';
import { restoreNeutralisedFormula } from './neutralise-formula.ts';
import { parseSpreadsheetNumber } from './parse-spreadsheet-number.ts';
import { countRecognisedHeaders, fieldHeaders, mapColumns, normaliseHeader } from './spreadsheet-headers.ts';
import { cellText, isBlankRow, type SheetCell, type SheetRow } from './sheet-rows.ts';
import { parseTagList } from './tag-list.ts';

/** A named building or location of the property. */
export interface NamedPart {
  id: string;
  name: string;
}

/**
 * A valid row: the action without building and location ids, which are resolved by name on confirm,
 * and the id of the plan's action it updates (null: it creates one).
 */
export interface ImportedAction {
  row: number;
  id: string | null;
  request: Omit<CreateActionRequest, 'buildingId' | 'locationId'>;
  building: string | null;
  location: string | null;
}

/** An error with its code typed, so the service can hand it on as a field code. */
export type ImportReadingError = ImportCellError & { code: ValidationMessageKey };

export interface ImportReading {
  columns: ImportColumn[];
  rowCount: number;
  validRowCount: number;
  preview: { row: number; cells: string[] }[];
  /** Every error, in row and column order. */
  errors: ImportReadingError[];
  /** The valid rows; all of them only when `errors` is empty. */
  actions: ImportedAction[];
  newBuildings: string[];
  newLocations: string[];
  /** The fields the file has a column for: an update leaves the others as they are. */
  mappedFields: ReadonlySet<ImportField>;
}

/** How many of the first rows are searched for the header row (a title or notes may come first). */
const headerSearchRows = 10;

/**
 * Reads a sheet's rows as actions: finds the header row, maps the columns (automatically, or by
 * `manualMapping`), and checks every cell of every row with the API's own `createActionRequestSchema`,
 * so the rules and the messages are those of `POST /api/plans/:id/actions`. Pure: the property's
 * buildings and locations are given, and names it lacks are reported as new.
 */
export function readImportRows(
  sheetRows: readonly SheetRow[],
  property: { buildings: readonly NamedPart[]; locations: readonly NamedPart[] },
  options: { manualMapping?: ImportMapping; language: Language; planActionIds?: ReadonlySet<string> },
): ImportReading {
  const headerIndex = findHeaderRow(sheetRows);
  const headerRow = sheetRows[headerIndex];
  const headers = (headerRow?.cells ?? []).map(cellText);
  let dataStart = headerIndex + 1;
  const next = sheetRows[dataStart];
  if (next && isSecondHeaderRow(headers, next.cells.map(cellText))) dataStart += 1;
  const dataRows = sheetRows.slice(dataStart).filter((row) => !isBlankRow(row.cells));

  const width = Math.max(headers.length, ...dataRows.map((row) => row.cells.length));
  const automatic = mapColumns(headers);
  const mapping = Array.from({ length: width }, (_, index) => (options.manualMapping ? (options.manualMapping[index] ?? null) : (automatic[index] ?? null)));
  const columns: ImportColumn[] = mapping.map((field, index) => ({ index, header: headers[index] ?? '', field }));

  const errors: ImportReadingError[] = [];
  const error = (row: number, field: ImportField, columnIndex: number | null, code: ValidationMessageKey) => {
    const column = columnIndex === null ? fieldHeaders[field][options.language === 'sv' ? 'sv' : 'en'] : columnLabel(headers, columnIndex);
    errors.push({ row, columnIndex, column, field, code, message: translateValidationMessage(code, options.language) });
  };

  const columnOf = new Map<ImportField, number>();
  mapping.forEach((field, index) => {
    if (field === null) return;
    if (columnOf.has(field)) error(headerRow?.row ?? 1, field, index, 'spreadsheet.column_twice');
    else columnOf.set(field, index);
  });
  for (const field of requiredImportFields) if (!columnOf.has(field)) error(headerRow?.row ?? 1, field, null, 'spreadsheet.column_missing');

  const buildings = new PartNames(property.buildings);
  const locations = new PartNames(property.locations);
  const actions: ImportedAction[] = [];
  const seenIds = new Set<string>();
  let validRowCount = 0;
  for (const { row, cells } of dataRows) {
    const before = errors.length;
    const cell = (field: ImportField): SheetCell => {
      const index = columnOf.get(field);
      return index === undefined ? null : (cells[index] ?? null);
    };
    const fail = (field: ImportField, code: ValidationMessageKey) => error(row, field, columnOf.get(field) ?? null, code);
    const request = rowRequest(cell, fail);
    const building = partName(cell('building'), (code) => fail('building', code));
    const location = partName(cell('location'), (code) => fail('location', code));
    const id = actionIdOf(cell('id'), options.planActionIds ?? new Set(), seenIds, (code) => fail('id', code));
    const parsed = createActionRequestSchema.safeParse(request, { reportInput: true });
    if (!parsed.success) {
      for (const [path, code] of Object.entries(issuesToFieldCodes(parsed.error.issues))) {
        const field = (path.split('.')[0] ?? '') as ImportField;
        // A field the row already reported (a number that is not one) keeps that first message.
        // A required field without a column is reported once, on the header row, not on every row.
        if (!columnOf.has(field)) continue;
        if (!errors.slice(before).some((existing) => existing.field === field)) fail(field, code);
      }
    }
    if (errors.length === before && parsed.success) {
      validRowCount += 1;
      actions.push({ row, id, request: parsed.data, building: building && buildings.resolve(building), location: location && locations.resolve(location) });
    }
  }
  errors.sort((a, b) => a.row - b.row || (a.columnIndex ?? -1) - (b.columnIndex ?? -1));

  return {
    columns,
    rowCount: dataRows.length,
    validRowCount,
    preview: dataRows
      .slice(0, importPreviewRows)
      .map(({ row, cells }) => ({ row, cells: Array.from({ length: width }, (_, index) => cellText(cells[index])) })),
    errors,
    actions,
    newBuildings: buildings.added,
    newLocations: locations.added,
    mappedFields: new Set(columnOf.keys()),
  };
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
function findHeaderRow(rows: readonly SheetRow[]): number {
  let best = -1;
  let bestCount = 0;
  for (let index = 0; index < Math.min(rows.length, headerSearchRows); index += 1) {
    const count = countRecognisedHeaders(rows[index]!.cells.map(cellText));
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
function isSecondHeaderRow(headers: readonly string[], candidate: readonly string[]): boolean {
  if (countRecognisedHeaders(candidate) < 2) return false;
  const first = mapColumns(headers);
  return mapColumns(candidate).every((field, index) => field === null || field === first[index]);
}

type Fail = (field: ImportField, code: ValidationMessageKey) => void;

/** The row as a create-action request; cells that cannot be read at all are reported here. */
function rowRequest(cell: (field: ImportField) => SheetCell, fail: Fail): Record<string, unknown> {
  const request: Record<string, unknown> = {};
  const text = (field: ImportField) => {
    const value = cell(field);
    if (value === null) return undefined;
    const content = typeof value === 'string' ? restoreNeutralisedFormula(value.trim()) : cellText(value);
    return content === '' ? undefined : content;
  };
  const number = (field: ImportField, decimals?: number) => {
    const value = parseSpreadsheetNumber(typeof cell(field) === 'string' ? (cell(field) as string).trim() : cell(field));
    // A computed cell may hold 640.4999999999: a price is meant to whole öre.
    if (decimals !== undefined && value !== undefined && Math.abs(value * 10 ** decimals - Math.round(value * 10 ** decimals)) < 1e-6) {
      return Math.round(value * 10 ** decimals) / 10 ** decimals;
    }
    return value;
  };

  request.name = text('name');
  const category = text('category');
  if (category !== undefined) request.category = categoryCodeOf(category) ?? category;
  request.quantity = number('quantity');
  request.unit = text('unit');
  request.unitPrice = number('unitPrice', 2);
  request.year = number('year');
  const interval = number('intervalYears');
  if (interval !== undefined) request.intervalYears = interval;
  const status = text('status');
  if (status !== undefined) request.status = statusCodeOf(status) ?? status;
  const baseYear = number('baseYear');
  if (baseYear !== undefined) request.baseYear = baseYear;
  const investment = cell('isInvestment');
  if (investment !== null && cellText(investment) !== '') {
    const isInvestment = yesOrNo(investment);
    if (isInvestment === undefined) fail('isInvestment', 'spreadsheet.yes_no');
    else request.isInvestment = isInvestment;
  }
  const tags = text('tags');
  if (tags !== undefined) request.tags = parseTagList(tags);
  const note = text('note');
  if (note !== undefined) request.note = note;
  for (const key of Object.keys(request)) if (request[key] === undefined) delete request[key];
  return request;
}

const categoryByName = new Map<string, CategoryCode>();
for (const code of categoryCodes) {
  // The exact spellings too: most cells hold them, and normalising costs more than the lookup.
  for (const name of [code, categoryNames[code].sv, categoryNames[code].en]) categoryByName.set(normaliseHeader(name), code).set(name, code);
}
const statusByName = new Map<string, StatusCode>();
for (const code of statusCodes) {
  for (const name of [code, statusNames[code].sv, statusNames[code].en]) statusByName.set(normaliseHeader(name), code).set(name, code);
}

/** A category code from its code or its Swedish or English name, any case, with or without accents. */
export function categoryCodeOf(text: string): CategoryCode | undefined {
  return categoryByName.get(text) ?? categoryByName.get(normaliseHeader(text));
}

export function statusCodeOf(text: string): StatusCode | undefined {
  return statusByName.get(text) ?? statusByName.get(normaliseHeader(text));
}

const yes = new Set(['ja', 'j', 'yes', 'y', 'true', 'sant', '1', 'x']);
const no = new Set(['nej', 'n', 'no', 'false', 'falskt', '0', '-']);

function yesOrNo(value: SheetCell): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = normaliseHeader(cellText(value));
  if (yes.has(text)) return true;
  if (no.has(text)) return false;
  return undefined;
}

/** A building's or location's name, checked as the building and location APIs check it; null when blank. */
function partName(value: SheetCell, fail: (code: ValidationMessageKey) => void): string | null {
  const text = cellText(value);
  if (text === '') return null;
  const parsed = nameSchema.safeParse(restoreNeutralisedFormula(text));
  if (!parsed.success) {
    fail((parsed.error.issues[0]?.message ?? 'field.invalid') as ValidationMessageKey);
    return null;
  }
  return parsed.data;
}

/**
 * The id of the plan's action the row updates, lower case; null when the cell is blank. Anything
 * else (not an id, an id of another plan, or one an earlier row has already used) is a cell error,
 * so a file can never touch an action outside the plan or update one action twice.
 */
function actionIdOf(value: SheetCell, planActionIds: ReadonlySet<string>, seenIds: Set<string>, fail: (code: ValidationMessageKey) => void): string | null {
  const text = cellText(value).trim().toLowerCase();
  if (text === '') return null;
  if (!planActionIds.has(text)) {
    fail('spreadsheet.id_unknown');
    return null;
  }
  if (seenIds.has(text)) {
    fail('spreadsheet.id_twice');
    return null;
  }
  seenIds.add(text);
  return text;
}

/** Names matched to the property's buildings (or locations) ignoring case; unknown ones are new, once each. */
class PartNames {
  readonly added: string[] = [];
  private readonly known = new Map<string, string>();

  constructor(parts: readonly NamedPart[]) {
    for (const part of parts) if (!this.known.has(keyOf(part.name))) this.known.set(keyOf(part.name), part.name);
  }

  /** The spelling to use: the existing part's, or the first spelling seen of a new one. */
  resolve(name: string): string {
    const existing = this.known.get(keyOf(name));
    if (existing !== undefined) return existing;
    this.known.set(keyOf(name), name);
    this.added.push(name);
    return name;
  }
}

/** Names are matched as the unique index on buildings and locations compares them. */
export const keyOf = propertyPartNameKey;

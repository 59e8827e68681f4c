import { categoryCodes, categoryNames, type CategoryCode } from '../../../shared/categories.ts';
import type { ValidationMessageKey } from '../../../shared/i18n/validation-messages.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import { createActionRequestSchema, type CreateActionRequest } from '../../../shared/schemas/action.ts';
import { nameSchema } from '../../../shared/schemas/common.ts';
import { propertyPartNameKey } from '../../../shared/property-part-name-key.ts';
import { requiredImportFields, type ImportColumn, type ImportField, type ImportMapping } from '../../../shared/schemas/spreadsheet.ts';
import { statusCodes, statusNames, type StatusCode } from '../../../shared/statuses.ts';
import { restoreNeutralisedFormula } from './neutralise-formula.ts';
import {
  cellNumberValue,
  cellTextValue,
  checkRowRequest,
  readSheetFrame,
  rowIdOf,
  sortReadingErrors,
  type ReadingError,
  type SheetLayout,
} from './read-sheet-frame.ts';
import { actionHeaderMatcher, fieldHeaders, normaliseHeader } from './spreadsheet-headers.ts';
import { cellText, type SheetCell, type SheetRow } from './sheet-rows.ts';
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
export type ImportReadingError = ReadingError<ImportField>;

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

const actionLayout: SheetLayout<ImportField> = { headers: fieldHeaders, matcher: actionHeaderMatcher, required: requiredImportFields };

/**
 * Reads a sheet's rows as actions: finds the header row, maps the columns (automatically, or by
 * `manualMapping`), and checks every cell of every row with the API's own `createActionRequestSchema`,
 * so the rules and the messages are those of `POST /api/plans/:id/actions`. Pure: the property's
 * buildings and locations are given, and names it lacks are reported as new.
 */
export function readImportRows(
  sheetRows: readonly SheetRow[],
  property: { buildings: readonly NamedPart[]; locations: readonly NamedPart[] },
  options: {
    manualMapping?: ImportMapping;
    language: Language;
    planActionIds?: ReadonlySet<string>;
    /** The library items an action may link to (the account's and the built-in ones); absent: none. */
    libraryItemIds?: ReadonlySet<string>;
  },
): ImportReading {
  const frame = readSheetFrame(sheetRows, actionLayout, options);
  const buildings = new PartNames(property.buildings);
  const locations = new PartNames(property.locations);
  const actions: ImportedAction[] = [];
  const seenIds = new Set<string>();
  for (const { row, cells } of frame.rows) {
    const before = frame.errors.length;
    const cell = (field: ImportField): SheetCell => frame.cellOf(cells, field);
    const fail = (field: ImportField, code: ValidationMessageKey) => frame.fail(row, field, code);
    const request = rowRequest(cell, fail);
    const building = partName(cell('building'), (code) => fail('building', code));
    const location = partName(cell('location'), (code) => fail('location', code));
    const id = rowIdOf(cell('id'), options.planActionIds ?? new Set(), seenIds, (code) => fail('id', code));
    // Many actions may link one item; an id outside the account's library (another account's) is unknown.
    const libraryItemId = rowIdOf(cell('libraryItemId'), options.libraryItemIds ?? new Set(), null, (code) => fail('libraryItemId', code), {
      unknown: 'spreadsheet.library_item_unknown',
      twice: 'spreadsheet.library_item_unknown',
    });
    if (libraryItemId !== null) request.libraryItemId = libraryItemId;
    const parsed = checkRowRequest(frame, row, before, createActionRequestSchema, request);
    if (parsed) {
      actions.push({ row, id, request: parsed, building: building && buildings.resolve(building), location: location && locations.resolve(location) });
    }
  }
  sortReadingErrors(frame.errors);

  return {
    columns: frame.columns,
    rowCount: frame.rows.length,
    validRowCount: actions.length,
    preview: frame.preview,
    errors: frame.errors,
    actions,
    newBuildings: buildings.added,
    newLocations: locations.added,
    mappedFields: new Set(frame.columnOf.keys()),
  };
}

type Fail = (field: ImportField, code: ValidationMessageKey) => void;

/** The row as a create-action request; cells that cannot be read at all are reported here. */
function rowRequest(cell: (field: ImportField) => SheetCell, fail: Fail): Record<string, unknown> {
  const request: Record<string, unknown> = {};
  const text = (field: ImportField) => cellTextValue(cell(field));
  const number = (field: ImportField, decimals?: number) => cellNumberValue(cell(field), decimals);

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

import { importFields, type ImportField, type ImportPossibleDuplicate, type ImportUpdate, type ImportValue } from '../../../shared/schemas/spreadsheet.ts';
import type { ActionRow } from '../../plan-snapshot/plan-snapshot.queries.ts';
import { keyOf, type ImportedAction, type ImportReading } from './read-import-rows.ts';

/** The fields an action has in a spreadsheet row (`id` names the action, it is not one of its values). */
export type ValueField = Exclude<ImportField, 'id'>;

/** A row that updates an action: what the dry run lists, and the row's values to write. */
export interface PlannedUpdate {
  summary: ImportUpdate;
  imported: ImportedAction;
}

/** What a confirm does with the valid rows of a file. */
export interface PlanImportChanges {
  creates: ImportedAction[];
  updates: PlannedUpdate[];
  unchanged: number;
  possibleDuplicates: ImportPossibleDuplicate[];
}

/**
 * Sorts the file's valid rows into creates (no id), updates (an id, and at least one field that
 * differs from the action as stored) and unchanged rows, and flags creates that look like an action
 * the plan already has (docs/decisions/0035-re-import-by-id.md). Only the fields the file has a
 * column for are compared: a file without a status column leaves every status as it is. A blank
 * cell of a mapped column means what it means when creating (no interval, status planned, no tags…).
 */
export function planImportChanges(reading: Pick<ImportReading, 'actions' | 'mappedFields'>, planActions: readonly ActionRow[]): PlanImportChanges {
  const byId = new Map(planActions.map((action) => [action.id, action]));
  const byLook = new Map<string, ActionRow>();
  for (const action of planActions) {
    const look = lookOf(action.name, action.buildingName, action.year);
    if (!byLook.has(look)) byLook.set(look, action);
  }
  const fields = valueFields.filter((field) => reading.mappedFields.has(field));
  const changes: PlanImportChanges = { creates: [], updates: [], unchanged: 0, possibleDuplicates: [] };
  for (const imported of reading.actions) {
    const existing = imported.id === null ? undefined : byId.get(imported.id);
    if (!existing) {
      changes.creates.push(imported);
      const lookalike = byLook.get(lookOf(imported.request.name, imported.building, imported.request.year));
      if (lookalike) {
        changes.possibleDuplicates.push({
          row: imported.row,
          name: imported.request.name,
          building: imported.building,
          year: imported.request.year,
          actionId: lookalike.id,
          actionName: lookalike.name,
        });
      }
      continue;
    }
    const row = rowValues(imported);
    const stored = storedValues(existing);
    const differing: ImportUpdate['changes'] = {};
    for (const field of fields) {
      if (!isSame(field, stored[field], row[field])) differing[field] = { from: stored[field], to: row[field] };
    }
    if (Object.keys(differing).length === 0) changes.unchanged += 1;
    else changes.updates.push({ summary: { row: imported.row, actionId: existing.id, name: existing.name, changes: differing }, imported });
  }
  return changes;
}

const valueFields = importFields.filter((field): field is ValueField => field !== 'id');

type Values = Record<ValueField, ImportValue>;

/** The row's values, with what an omitted optional field means on create. */
function rowValues({ request, building, location }: ImportedAction): Values {
  return {
    name: request.name,
    category: request.category,
    building,
    location,
    quantity: request.quantity,
    unit: request.unit,
    unitPrice: request.unitPrice,
    year: request.year,
    intervalYears: request.intervalYears ?? null,
    status: request.status ?? 'planned',
    baseYear: request.baseYear ?? null,
    isInvestment: request.isInvestment ?? false,
    tags: request.tags ?? [],
    note: request.note ?? '',
    libraryItemId: request.libraryItemId ?? null,
  };
}

function storedValues(action: ActionRow): Values {
  return {
    name: action.name,
    category: action.category,
    building: action.buildingName,
    location: action.locationName,
    quantity: action.quantity,
    unit: action.unit,
    unitPrice: action.unitPrice,
    year: action.year,
    intervalYears: action.intervalYears,
    status: action.status,
    baseYear: action.baseYear,
    isInvestment: action.isInvestment,
    tags: action.tags,
    note: action.note,
    libraryItemId: action.libraryItemId,
  };
}

/**
 * Equal as stored: buildings and locations by name as the property's parts are matched (ignoring
 * case and surrounding spaces), prices to the öre (the column is numeric(14, 2)), tags as the
 * ordered list the action keeps, everything else exactly.
 */
function isSame(field: ValueField, stored: ImportValue, row: ImportValue): boolean {
  if (field === 'building' || field === 'location') return keyOf(String(stored ?? '')) === keyOf(String(row ?? ''));
  if (field === 'unitPrice') return Math.round(Number(stored) * 100) === Math.round(Number(row) * 100);
  if (Array.isArray(stored) && Array.isArray(row)) return stored.length === row.length && stored.every((tag, index) => tag === row[index]);
  return stored === row;
}

/** Name, building and year as a possible duplicate is recognised. */
function lookOf(name: string, building: string | null, year: number): string {
  return JSON.stringify([keyOf(name), keyOf(building ?? ''), year]);
}

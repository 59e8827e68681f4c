import type { LibraryItem } from '../../../shared/schemas/library.ts';
import type { LibraryImportField, LibraryImportUpdate } from '../../../shared/schemas/library-spreadsheet.ts';
import type { ImportValue } from '../../../shared/schemas/spreadsheet.ts';
import type { ImportedLibraryItem, LibraryReading } from './read-library-rows.ts';

/** The fields an item has in a row (`id` names the item, it is not one of its values). */
type ValueField = Exclude<LibraryImportField, 'id'>;
type Values = Record<ValueField, ImportValue>;

/** An item as the import writes it: both names and every field, what a create would store. */
export interface LibraryItemValues {
  nameSv: string;
  nameEn: string;
  category: LibraryItem['category'];
  unit: string;
  lifetimeYears: number;
  unitPrice: number;
  priceYear: number;
  source: string;
  kind: LibraryItem['kind'];
  replacesItemId: string | null;
}

/** A row that updates an item: what the dry run lists, and the item's values after the update. */
export interface PlannedLibraryUpdate {
  summary: LibraryImportUpdate;
  values: LibraryItemValues;
}

export interface LibraryImportChanges {
  creates: { row: number; values: LibraryItemValues }[];
  updates: PlannedLibraryUpdate[];
  unchanged: number;
}

/**
 * Sorts the valid rows into creates (no id), updates (an id, and a field that differs from the item
 * as stored) and unchanged rows, as the plan import does. Only the fields the file has a column for
 * are compared. One name in a row is the name in both languages, unless the file has no English
 * column and the item has an English name of its own, which it then keeps.
 */
export function libraryImportChanges(reading: Pick<LibraryReading, 'items' | 'mappedFields'>, accountItems: readonly LibraryItem[]): LibraryImportChanges {
  const byId = new Map(accountItems.map((item) => [item.id, item]));
  const changes: LibraryImportChanges = { creates: [], updates: [], unchanged: 0 };
  for (const imported of reading.items) {
    const existing = imported.id === null ? undefined : byId.get(imported.id);
    if (!existing) {
      changes.creates.push({ row: imported.row, values: valuesOf(imported, null, reading.mappedFields) });
      continue;
    }
    const values = valuesOf(imported, existing, reading.mappedFields);
    const row = comparable(values);
    const stored = comparable(storedValues(existing));
    const differing: LibraryImportUpdate['changes'] = {};
    for (const field of Object.keys(row) as ValueField[]) if (row[field] !== stored[field]) differing[field] = { from: stored[field], to: row[field] };
    if (Object.keys(differing).length === 0) changes.unchanged += 1;
    else changes.updates.push({ summary: { row: imported.row, itemId: existing.id, name: existing.name.sv, changes: differing }, values });
  }
  return changes;
}

/** What the item becomes: the row's fields, the stored item's for columns the file lacks, a create's defaults for blank cells. */
function valuesOf({ request }: ImportedLibraryItem, existing: LibraryItem | null, mapped: ReadonlySet<LibraryImportField>): LibraryItemValues {
  const stored = existing && storedValues(existing);
  const pick = <K extends keyof LibraryItemValues>(field: ValueField, key: K, fromRow: LibraryItemValues[K]): LibraryItemValues[K] =>
    stored && !mapped.has(field) ? stored[key] : fromRow;
  const nameSv = typeof request.name === 'string' ? request.name : request.name.sv;
  const keepsOwnEnglish = stored !== null && !mapped.has('nameEn') && stored.nameEn !== stored.nameSv;
  const nameEn = typeof request.name === 'string' ? (keepsOwnEnglish ? stored.nameEn : request.name) : request.name.en;
  return {
    nameSv,
    nameEn,
    category: request.category,
    unit: request.unit,
    lifetimeYears: request.lifetimeYears,
    unitPrice: request.unitPrice,
    priceYear: request.priceYear,
    source: pick('source', 'source', request.source ?? ''),
    kind: pick('kind', 'kind', request.kind ?? 'replace'),
    replacesItemId: pick('replacesItemId', 'replacesItemId', request.replacesItemId ?? null),
  };
}

function storedValues(item: LibraryItem): LibraryItemValues {
  return {
    nameSv: item.name.sv,
    nameEn: item.name.en,
    category: item.category,
    unit: item.unit,
    lifetimeYears: item.lifetimeYears,
    unitPrice: item.unitPrice,
    priceYear: item.priceYear,
    source: item.source,
    kind: item.kind,
    replacesItemId: item.replacesItemId,
  };
}

/** The values by the fields the dry run names them with; prices compared to the öre. */
function comparable(values: LibraryItemValues): Values {
  return {
    name: values.nameSv,
    nameEn: values.nameEn,
    category: values.category,
    unit: values.unit,
    lifetimeYears: values.lifetimeYears,
    unitPrice: Math.round(values.unitPrice * 100) / 100,
    priceYear: values.priceYear,
    source: values.source,
    kind: values.kind,
    replacesItemId: values.replacesItemId,
  };
}

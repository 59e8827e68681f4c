import { z } from 'zod';
import { importReadingSchemasOf, importQuerySchemaOf, importValueSchema, type ImportMappingOf } from './spreadsheet.ts';

/**
 * The fields a column of an account library workbook can hold (docs/product/domain.md § Library).
 * `id` is the account item's id, written by the export: a row with an id updates that item, a row
 * without one creates an item. `replacesItemId` is the built-in item the row replaces, if any.
 */
export const libraryImportFields = [
  'name',
  'nameEn',
  'category',
  'unit',
  'lifetimeYears',
  'unitPrice',
  'priceYear',
  'source',
  'kind',
  'replacesItemId',
  'id',
] as const;
export type LibraryImportField = (typeof libraryImportFields)[number];

/** The fields a file must have a column for: the required fields of an account item. */
export const requiredLibraryImportFields = [
  'name',
  'category',
  'unit',
  'lifetimeYears',
  'unitPrice',
  'priceYear',
] as const satisfies readonly LibraryImportField[];

/** POST /api/accounts/:accountId/library-items/import: `dryRun` (default false) and an optional manual `mapping`. */
export const libraryImportQuerySchema = importQuerySchemaOf(libraryImportFields);
export type LibraryImportMapping = ImportMappingOf<LibraryImportField>;

/** GET /api/accounts/:accountId/library-items/export takes no query. */
export const libraryExportQuerySchema = z.strictObject({});

const readingSchemas = importReadingSchemasOf(libraryImportFields);
export type LibraryImportCellError = z.infer<typeof readingSchemas.cellError>;
export type LibraryImportColumn = z.infer<typeof readingSchemas.column>;

/** A row that changes an account item: only the fields that differ, each as it is and as it would be. */
export const libraryImportUpdateSchema = z.object({
  row: z.number().int(),
  itemId: z.string(),
  /** The item's Swedish name as it is now. */
  name: z.string(),
  changes: z.partialRecord(z.enum(libraryImportFields), z.object({ from: importValueSchema, to: importValueSchema })),
});
export type LibraryImportUpdate = z.infer<typeof libraryImportUpdateSchema>;

/** The answer of a dry run: how the file is read, everything wrong with it, and what a confirm would change. */
export const libraryImportDryRunResponseSchema = readingSchemas.reading.extend({
  /** The rows that update an item, with each changed field, up to `maxListedImportRows`. */
  updates: z.array(libraryImportUpdateSchema),
});
export type LibraryImportDryRunResponse = z.infer<typeof libraryImportDryRunResponseSchema>;

/** The answer of a confirmed import: what it did. */
export const libraryImportResponseSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type LibraryImportResponse = z.infer<typeof libraryImportResponseSchema>;

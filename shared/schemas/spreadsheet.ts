import { z } from 'zod';
import { vatQuerySchema } from './action.ts';

/**
 * The action fields a spreadsheet column can hold (docs/product/domain.md § Actions). `libraryItemId`
 * is the library item the action is linked to (empty: none). `building`
 * and `location` are names, not ids: a name the property does not have yet becomes a new building
 * or location on confirm. `id` is the action's id, written by the export (and left empty in the
 * template): a row with an id updates that action of the plan, a row without one creates an
 * action (docs/decisions/0035-re-import-by-id.md).
 */
export const importFields = [
  'name',
  'category',
  'building',
  'location',
  'quantity',
  'unit',
  'unitPrice',
  'year',
  'intervalYears',
  'status',
  'baseYear',
  'isInvestment',
  'tags',
  'note',
  'id',
  'libraryItemId',
] as const;
export type ImportField = (typeof importFields)[number];

/** The fields a file must have a column for: the required fields of `createActionRequestSchema`. */
export const requiredImportFields = ['name', 'category', 'quantity', 'unit', 'unitPrice', 'year'] as const satisfies readonly ImportField[];

/**
 * A manual column mapping for an import of `fields`: one entry per column of the file, by position
 * (the first column is index 0), each a field or null to ignore the column. Columns past the end
 * are ignored. It travels in the query string as JSON text, next to `dryRun` (default false).
 */
export function importQuerySchemaOf<const F extends readonly [string, ...string[]]>(fields: F) {
  const mappingSchema = z
    .array(z.enum(fields, { error: 'spreadsheet.mapping_invalid' }).nullable(), { error: 'spreadsheet.mapping_invalid' })
    .max(200, { error: 'spreadsheet.mapping_invalid' });
  const mappingJsonSchema = z
    .string({ error: 'spreadsheet.mapping_invalid' })
    .max(8000, { error: 'spreadsheet.mapping_invalid' })
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'spreadsheet.mapping_invalid' });
        return z.NEVER;
      }
    })
    .pipe(mappingSchema);
  return z.strictObject({
    dryRun: z
      .enum(['true', 'false'], { error: 'boolean.invalid' })
      .transform((value) => value === 'true')
      .default(false),
    mapping: mappingJsonSchema.optional(),
  });
}

/** A manual mapping of a file's columns to fields (null: the column is ignored), by position. */
export type ImportMappingOf<F extends string> = (F | null)[];
export type ImportMapping = ImportMappingOf<ImportField>;

/** POST /api/plans/:id/import: `dryRun` (default false) and an optional manual `mapping`. */
export const importQuerySchema = importQuerySchemaOf(importFields);
export type ImportQuery = z.output<typeof importQuerySchema>;

/** GET /api/plans/:id/template.xlsx takes no query. */
export const templateQuerySchema = z.strictObject({});

/** GET /api/plans/:id/export.xlsx: amounts excluding (default) or including VAT. */
export const exportQuerySchema = z.strictObject({ vat: vatQuerySchema.default('excl') });
export type ExportQuery = z.output<typeof exportQuerySchema>;

/**
 * How a file is read for an import of `fields` (the plan's actions, the account's library items):
 * its columns, one problem per cell, a preview, and the counts every dry run answers with.
 */
export function importReadingSchemasOf<const F extends readonly [string, ...string[]]>(fields: F) {
  const field = z.enum(fields);
  /** One column of the file: its header as written and the field it is read as (null: ignored). */
  const column = z.object({ index: z.number().int(), header: z.string(), field: field.nullable() });
  /** One problem in one cell: `row` is the spreadsheet's row number (1 = the first line of the file). */
  const cellError = z.object({
    row: z.number().int(),
    /** The column's position, or null when the problem is a missing column. */
    columnIndex: z.number().int().nullable(),
    column: z.string(),
    field,
    code: z.string(),
    /** `code` in the request's language. */
    message: z.string(),
  });
  const reading = z.object({
    columns: z.array(column),
    /** Data rows (blank rows are skipped). */
    rowCount: z.number().int(),
    /** Rows without any error: what a confirm would write if the others were fixed. */
    validRowCount: z.number().int(),
    /** The first rows, for a preview. */
    preview: z.array(importPreviewRowSchema),
    errorCount: z.number().int(),
    /** Every error, up to `maxReportedImportErrors`. */
    errors: z.array(cellError),
    /** What a confirm would do with the rows without errors: create, update, or leave alone. */
    toCreate: z.number().int(),
    toUpdate: z.number().int(),
    unchanged: z.number().int(),
  });
  return { column, cellError, reading };
}

/** A row of the preview: its number in the file and its cells as text, in column order. */
export const importPreviewRowSchema = z.object({ row: z.number().int(), cells: z.array(z.string()) });

/** What every dry run answers with, whatever its fields: the review screen shows this part. */
export interface ImportReadingOf<F extends string> {
  columns: { index: number; header: string; field: F | null }[];
  rowCount: number;
  validRowCount: number;
  preview: { row: number; cells: string[] }[];
  errorCount: number;
  errors: { row: number; columnIndex: number | null; column: string; field: F; code: string; message: string }[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
}

const planReadingSchemas = importReadingSchemasOf(importFields);
export const importColumnSchema = planReadingSchemas.column;
export type ImportColumn = z.infer<typeof importColumnSchema>;
export const importCellErrorSchema = planReadingSchemas.cellError;
export type ImportCellError = z.infer<typeof importCellErrorSchema>;

/**
 * A field's value as an update compares it: numbers, text, codes (category, status), building and
 * location names, tags as their list, yes/no as booleans, null for an empty optional field.
 */
export const importValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export type ImportValue = z.infer<typeof importValueSchema>;

/** An action's field as it is (`from`) and as the row would make it (`to`). */
export const importChangeSchema = z.object({ from: importValueSchema, to: importValueSchema });

/** A row that changes an existing action of the plan: only the fields that differ. */
export const importUpdateSchema = z.object({
  row: z.number().int(),
  actionId: z.string(),
  /** The action's name as it is now. */
  name: z.string(),
  changes: z.partialRecord(z.enum(importFields), importChangeSchema),
});
export type ImportUpdate = z.infer<typeof importUpdateSchema>;

/**
 * A row without an id with the same name, building and year as an action of the plan (names
 * compared ignoring case and surrounding spaces): the confirm still creates it.
 */
export const importPossibleDuplicateSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  building: z.string().nullable(),
  year: z.number().int(),
  /** The existing action it resembles. */
  actionId: z.string(),
  actionName: z.string(),
});
export type ImportPossibleDuplicate = z.infer<typeof importPossibleDuplicateSchema>;

/** The answer of a dry run of a plan import: how the file is read, and everything wrong with it. */
export const importDryRunResponseSchema = planReadingSchemas.reading.extend({
  /** Buildings and locations the confirm will create (names the property does not have yet). */
  newBuildings: z.array(z.string()),
  newLocations: z.array(z.string()),
  /** The rows that update an action, with each changed field, up to `maxListedImportRows`. */
  updates: z.array(importUpdateSchema),
  /** Rows without an id that look like an action the plan has, up to `maxListedImportRows`. */
  possibleDuplicates: z.array(importPossibleDuplicateSchema),
});
export type ImportDryRunResponse = z.infer<typeof importDryRunResponseSchema>;

/** The answer of a confirmed import: what it did, and the change set that can undo it. */
export const importResponseSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  changeSetId: z.string(),
});
export type ImportResponse = z.infer<typeof importResponseSchema>;

/** More errors than this are counted but not listed: the file is wrong as a whole. */
export const maxReportedImportErrors = 1000;

/** More updates or possible duplicates than this are counted but not listed. */
export const maxListedImportRows = 1000;

/** How many rows the preview shows. */
export const importPreviewRows = 50;

/** The multipart part that carries the file. */
export const importFileField = 'file';

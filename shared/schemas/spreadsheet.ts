import { z } from 'zod';
import { vatQuerySchema } from './action.ts';

/**
 * The action fields a spreadsheet column can hold (docs/product/domain.md § Actions). `building`
 * and `location` are names, not ids: a name the property does not have yet becomes a new building
 * or location on confirm.
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
] as const;
export type ImportField = (typeof importFields)[number];

/** The fields a file must have a column for: the required fields of `createActionRequestSchema`. */
export const requiredImportFields = ['name', 'category', 'quantity', 'unit', 'unitPrice', 'year'] as const satisfies readonly ImportField[];

/**
 * A manual column mapping: one entry per column of the file, by position (the first column is
 * index 0), each a field or null to ignore the column. Columns past the end are ignored.
 */
export const importMappingSchema = z
  .array(z.enum(importFields, { error: 'spreadsheet.mapping_invalid' }).nullable(), { error: 'spreadsheet.mapping_invalid' })
  .max(200, { error: 'spreadsheet.mapping_invalid' });
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** The mapping as it travels in the query string: JSON text of `importMappingSchema`. */
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
  .pipe(importMappingSchema);

/** POST /api/plans/:id/import: `dryRun` (default false) and an optional manual `mapping`. */
export const importQuerySchema = z.strictObject({
  dryRun: z
    .enum(['true', 'false'], { error: 'boolean.invalid' })
    .transform((value) => value === 'true')
    .default(false),
  mapping: mappingJsonSchema.optional(),
});
export type ImportQuery = z.output<typeof importQuerySchema>;

/** GET /api/plans/:id/template.xlsx takes no query. */
export const templateQuerySchema = z.strictObject({});

/** GET /api/plans/:id/export.xlsx: amounts excluding (default) or including VAT. */
export const exportQuerySchema = z.strictObject({ vat: vatQuerySchema.default('excl') });
export type ExportQuery = z.output<typeof exportQuerySchema>;

/** One column of the file: its header as written and the field it is read as (null: ignored). */
export const importColumnSchema = z.object({
  index: z.number().int(),
  header: z.string(),
  field: z.enum(importFields).nullable(),
});
export type ImportColumn = z.infer<typeof importColumnSchema>;

/** One problem in one cell: `row` is the spreadsheet's row number (1 = the first line of the file). */
export const importCellErrorSchema = z.object({
  row: z.number().int(),
  /** The column's position, or null when the problem is a missing column. */
  columnIndex: z.number().int().nullable(),
  column: z.string(),
  field: z.enum(importFields),
  code: z.string(),
  /** `code` in the request's language. */
  message: z.string(),
});
export type ImportCellError = z.infer<typeof importCellErrorSchema>;

/** A row of the preview: its number in the file and its cells as text, in column order. */
export const importPreviewRowSchema = z.object({ row: z.number().int(), cells: z.array(z.string()) });

/** The answer of a dry run: how the file is read, and everything wrong with it. */
export const importDryRunResponseSchema = z.object({
  columns: z.array(importColumnSchema),
  /** Data rows (blank rows are skipped). */
  rowCount: z.number().int(),
  /** Rows without any error: what a confirm would create if the others were fixed. */
  validRowCount: z.number().int(),
  /** The first rows, for a preview. */
  preview: z.array(importPreviewRowSchema),
  errorCount: z.number().int(),
  /** Every error, up to `maxReportedImportErrors`. */
  errors: z.array(importCellErrorSchema),
  /** Buildings and locations the confirm will create (names the property does not have yet). */
  newBuildings: z.array(z.string()),
  newLocations: z.array(z.string()),
});
export type ImportDryRunResponse = z.infer<typeof importDryRunResponseSchema>;

/** The answer of a confirmed import. */
export const importResponseSchema = z.object({ created: z.number().int() });
export type ImportResponse = z.infer<typeof importResponseSchema>;

/** More errors than this are counted but not listed: the file is wrong as a whole. */
export const maxReportedImportErrors = 1000;

/** How many rows the preview shows. */
export const importPreviewRows = 50;

/** The multipart part that carries the file. */
export const importFileField = 'file';

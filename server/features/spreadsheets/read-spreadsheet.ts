import ExcelJS from 'exceljs';
import type { ValidationMessageKey } from '../../../shared/i18n/validation-messages.ts';
import { importFileField } from '../../../shared/schemas/spreadsheet.ts';
import { validationError, type AppError } from '../../http/app-error.ts';
import { checkZipArchive } from './check-zip-archive.ts';
import { decodeCsv, parseCsv } from './read-csv.ts';
import type { SheetCell, SheetRow } from './sheet-rows.ts';

/**
 * 20 000 rows: twice the 10 000 actions a plan is built for
 * (docs/product/performance-targets.md § Plan lists at 10 000 actions), and a bound on the work of
 * one request (parsing and validating 20 000 rows takes about a second).
 */
export const maxImportRows = 20_000;

/** The sheet an import reads from a workbook with several: ours is called this in either language. */
const actionSheetNames = ['åtgärder', 'actions'];

const fileMessages: Partial<Record<ValidationMessageKey, string>> = {
  'spreadsheet.not_a_spreadsheet': 'The file is not an .xlsx or .csv spreadsheet',
  'spreadsheet.zip_bomb': 'The .xlsx file unpacks to too much data (a zip bomb?)',
  'spreadsheet.too_many_rows': `The file has more than ${maxImportRows} rows`,
  'spreadsheet.no_rows': 'The file has no rows',
};

export function fileError(key: ValidationMessageKey): AppError {
  return validationError({ [importFileField]: key }, fileMessages[key] ?? 'The file cannot be imported');
}

/**
 * The rows of an .xlsx (its actions sheet, else its first sheet) or a CSV file. The kind is told
 * by the content, not the name: a zip archive is read as a workbook after `checkZipArchive`; text
 * without NUL bytes as CSV; anything else (an old .xls, a PDF, an image) is refused.
 */
export async function readSpreadsheet(data: Buffer): Promise<SheetRow[]> {
  const rows = isZip(data) ? await readWorkbook(data) : readCsvFile(data);
  if (rows.length > maxImportRows + 2) throw fileError('spreadsheet.too_many_rows');
  return rows;
}

function isZip(data: Buffer): boolean {
  return data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
}

function readCsvFile(data: Buffer): SheetRow[] {
  if (data.includes(0)) throw fileError('spreadsheet.not_a_spreadsheet');
  // A cheap bound before splitting: more lines than allowed rows (with headers and some blank lines).
  let lines = 0;
  for (let index = data.indexOf(10); index >= 0 && lines <= maxImportRows * 2; index = data.indexOf(10, index + 1)) lines += 1;
  if (lines > maxImportRows * 2) throw fileError('spreadsheet.too_many_rows');
  return parseCsv(decodeCsv(data));
}

async function readWorkbook(data: Buffer): Promise<SheetRow[]> {
  const check = checkZipArchive(data);
  if (!check.ok) throw fileError(check.reason === 'bomb' ? 'spreadsheet.zip_bomb' : 'spreadsheet.not_a_spreadsheet');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    // A zip that is not a workbook (a .docx, a broken file).
    throw fileError('spreadsheet.not_a_spreadsheet');
  }
  const sheet = workbook.worksheets.find((candidate) => actionSheetNames.includes(candidate.name.toLowerCase())) ?? workbook.worksheets[0];
  if (!sheet) throw fileError('spreadsheet.no_rows');
  if (sheet.actualRowCount > maxImportRows + 2) throw fileError('spreadsheet.too_many_rows');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellValueOf(row.getCell(column).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** An exceljs cell value as plain data: formulas by their cached result, rich text and links by their text. */
function cellValueOf(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean' ? result : null;
  }
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return null;
  return null;
}

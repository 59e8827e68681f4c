import type ExcelJS from 'exceljs';
import { neutraliseFormula } from './neutralise-formula.ts';

/** What a cell may be given: text is always neutralised, numbers and blanks written as they are. */
export type CellInput = string | number | null;

/**
 * Appends a row. Every text passes through `neutraliseFormula` and is written as a plain string
 * value, never as a formula object, so no text from the database can become a formula.
 */
export function appendRow(sheet: ExcelJS.Worksheet, values: readonly CellInput[]): ExcelJS.Row {
  return sheet.addRow(values.map((value) => (typeof value === 'string' ? neutraliseFormula(value) : value)));
}

/** Two header rows: Swedish (bold) and English (italic, grey), frozen above the data. */
export function appendHeaderRows(sheet: ExcelJS.Worksheet, headers: readonly { sv: string; en: string }[]): void {
  appendRow(
    sheet,
    headers.map((header) => header.sv),
  ).font = { bold: true };
  appendRow(
    sheet,
    headers.map((header) => header.en),
  ).font = { italic: true, color: { argb: 'FF555555' } };
}

/** Kronor with öre and thousands separators, as Excel shows them in the reader's own locale. */
export const amountFormat = '#,##0.00';

export function formatAmountColumns(sheet: ExcelJS.Worksheet, columns: readonly number[]): void {
  for (const column of columns) sheet.getColumn(column).numFmt = amountFormat;
}

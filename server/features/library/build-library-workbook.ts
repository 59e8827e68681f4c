import ExcelJS from 'exceljs';
import { categoryNames } from '../../../shared/categories.ts';
import type { LibraryItem } from '../../../shared/schemas/library.ts';
import { libraryImportFields, type LibraryImportField } from '../../../shared/schemas/library-spreadsheet.ts';
import { appendHeaderRows, appendRow, formatAmountColumns, type CellInput } from '../spreadsheets/workbook-cells.ts';
import { kindNames, libraryFieldHeaders } from './library-sheet-layout.ts';

export const librarySheetName = 'Bibliotek';

/** Wide columns for the texts people read and the ids they copy. */
const wideFields: ReadonlySet<LibraryImportField> = new Set(['name', 'nameEn', 'source', 'replacesItemId', 'id']);

/**
 * The account's own library items as a workbook in the import's format, so an export imports back
 * without a change: both header rows, categories and kinds in Swedish words, prices to the öre,
 * the replaced built-in item's id and each item's own id last, so a re-import updates instead of
 * duplicating. The English name is left blank where it equals the Swedish one (one name).
 */
export function buildLibraryWorkbook(items: readonly LibraryItem[], exportedAt: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kvarter';
  workbook.created = exportedAt;
  const sheet = workbook.addWorksheet(librarySheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  appendHeaderRows(
    sheet,
    libraryImportFields.map((field) => libraryFieldHeaders[field]),
  );
  for (const item of items) {
    const values: Record<LibraryImportField, CellInput> = {
      name: item.name.sv,
      nameEn: item.name.en === item.name.sv ? null : item.name.en,
      category: categoryNames[item.category].sv,
      unit: item.unit,
      lifetimeYears: item.lifetimeYears,
      unitPrice: item.unitPrice,
      priceYear: item.priceYear,
      source: item.source,
      kind: kindNames[item.kind].sv,
      replacesItemId: item.replacesItemId,
      id: item.id,
    };
    appendRow(
      sheet,
      libraryImportFields.map((field) => values[field]),
    );
  }
  formatAmountColumns(sheet, [libraryImportFields.indexOf('unitPrice') + 1]);
  libraryImportFields.forEach((field, index) => {
    sheet.getColumn(index + 1).width = wideFields.has(field) ? 36 : 14;
  });
  return workbook;
}

import ExcelJS from 'exceljs';
import { categories } from '../../../shared/categories.ts';
import { commonUnits } from '../../../shared/schemas/action.ts';
import { importFields, type ImportField } from '../../../shared/schemas/spreadsheet.ts';
import { statusCodes, statusNames } from '../../../shared/statuses.ts';
import { fieldHeaders } from './spreadsheet-headers.ts';
import { appendHeaderRows, appendRow, formatAmountColumns } from './workbook-cells.ts';

/** Sheet names: the import looks for the actions sheet by either name. */
export const actionSheetName = 'Åtgärder';
export const listSheetName = 'Listor';

/** Rows of the template that get drop-down lists (more can be added by copying a row). */
const validatedRows = 2000;
const firstDataRow = 3;

/** The list sheet's columns: what each drop-down offers. */
const listColumns = {
  categorySv: 'A',
  categoryEn: 'B',
  categoryCode: 'C',
  statusSv: 'D',
  statusEn: 'E',
  unit: 'F',
  building: 'G',
  location: 'H',
} as const;

/**
 * The empty import template: the actions sheet with Swedish and English headers (the last, ID, is
 * left empty: a row without an id creates an action, as in an export) and drop-down
 * lists (Excel data validation) on category, status and unit, and on building and location with
 * the property's names as suggestions; the lists sheet holds the allowed values.
 */
export function buildTemplateWorkbook(property: { buildings: readonly string[]; locations: readonly string[] }): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kvarter';
  const sheet = workbook.addWorksheet(actionSheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  appendHeaderRows(
    sheet,
    importFields.map((field) => fieldHeaders[field]),
  );
  importFields.forEach((field, index) => {
    sheet.getColumn(index + 1).width = columnWidth(field, 16);
  });
  formatAmountColumns(sheet, [columnOf('unitPrice')]);

  const lists = workbook.addWorksheet(listSheetName);
  appendRow(lists, ['Kategori', 'Category', 'Kod / Code', 'Status', 'Status (en)', 'Enhet / Unit', 'Byggnad / Building', 'Läge / Location']).font = {
    bold: true,
  };
  const length = Math.max(categories.length, property.buildings.length, property.locations.length);
  for (let index = 0; index < length; index += 1) {
    const category = categories[index];
    const status = statusCodes[index];
    appendRow(lists, [
      category?.sv ?? null,
      category?.en ?? null,
      category?.code ?? null,
      status ? statusNames[status].sv : null,
      status ? statusNames[status].en : null,
      commonUnits[index] ?? null,
      property.buildings[index] ?? null,
      property.locations[index] ?? null,
    ]);
  }
  lists.columns.forEach((column) => {
    column.width = 26;
  });

  const listRange = (column: string, count: number) => `'${listSheetName}'!$${column}$2:$${column}$${count + 1}`;
  const strict = { type: 'list' as const, allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const };
  // Units and names are suggestions: any other value is allowed after a warning-free note.
  const suggestion = { type: 'list' as const, allowBlank: true, showErrorMessage: false };
  const validations: [ImportField, ExcelJS.DataValidation][] = [
    [
      'category',
      { ...strict, formulae: [listRange(listColumns.categorySv, categories.length)], error: 'Välj en kategori i listan. / Choose a category from the list.' },
    ],
    [
      'status',
      { ...strict, formulae: [listRange(listColumns.statusSv, statusCodes.length)], error: 'Välj en status i listan. / Choose a status from the list.' },
    ],
    ['unit', { ...suggestion, formulae: [listRange(listColumns.unit, commonUnits.length)] }],
  ];
  if (property.buildings.length > 0) validations.push(['building', { ...suggestion, formulae: [listRange(listColumns.building, property.buildings.length)] }]);
  if (property.locations.length > 0) validations.push(['location', { ...suggestion, formulae: [listRange(listColumns.location, property.locations.length)] }]);
  for (const [field, validation] of validations) {
    const column = sheet.getColumn(columnOf(field)).letter;
    for (let row = firstDataRow; row < firstDataRow + validatedRows; row += 1) sheet.getCell(`${column}${row}`).dataValidation = validation;
  }
  return workbook;
}

/** Wide columns for long text and for ids (36 characters), `usual` for the rest. */
export function columnWidth(field: ImportField, usual: number): number {
  return field === 'name' || field === 'note' || field === 'libraryItemId' || field === 'id' ? 36 : usual;
}

/** The field's column in the actions sheet (1-based, as exceljs counts). */
export function columnOf(field: ImportField): number {
  return importFields.indexOf(field) + 1;
}

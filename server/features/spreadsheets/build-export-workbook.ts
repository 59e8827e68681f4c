import ExcelJS from 'exceljs';
import { categories, categoryNames } from '../../../shared/categories.ts';
import { ExactSum, roundToOre, type CostedOccurrence, type FundAnalysis, type PlanAnalysis, type VatMode } from '../../../shared/cost-model/index.ts';
import { importFields } from '../../../shared/schemas/spreadsheet.ts';
import { statusNames } from '../../../shared/statuses.ts';
import type { ActionRow } from '../../plan-snapshot/plan-snapshot.queries.ts';
import { actionSheetName, columnOf, columnWidth } from './build-template-workbook.ts';
import { fieldHeaders } from './spreadsheet-headers.ts';
import { formatTagList } from './tag-list.ts';
import { appendHeaderRows, appendRow, formatAmountColumns, type CellInput } from './workbook-cells.ts';

export interface ExportData {
  planName: string;
  vat: VatMode;
  vatPercent: number;
  exportedAt: Date;
  actions: readonly ActionRow[];
  /** Every occurrence with its cost, from the shared cost model, investments included. */
  occurrences: readonly CostedOccurrence[];
  analysis: PlanAnalysis;
  fund: FundAnalysis;
}

const yesNo = (value: boolean) => (value ? 'ja' : 'nej');

/**
 * The plan as a workbook: its actions (the import's format, so an export imports back without
 * loss, with each action's id after its own fields (then only its library item) so that a re-import updates the plan instead of duplicating it), the occurrences per year (the *Åtgärder per år* view) with yearly sums, the economic
 * analysis and the fund analysis. Every amount comes from the shared cost model
 * (docs/design-rules.md § Rule 6), exact to the öre (no display rounding); each sheet states the
 * VAT choice and the export time.
 */
export function buildExportWorkbook(data: ExportData): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kvarter';
  workbook.created = data.exportedAt;
  addActionsSheet(workbook, data);
  addOccurrencesSheet(workbook, data);
  addAnalysisSheet(workbook, data);
  addFundSheet(workbook, data);
  return workbook;
}

/** The lines on top of every sheet: which plan, when, VAT and rounding. */
function describeExport(data: ExportData, vatApplies: boolean): { sv: string; en: string }[] {
  const time = `${data.exportedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const vat = vatApplies
    ? data.vat === 'incl'
      ? { sv: `inklusive moms (${data.vatPercent} %)`, en: `including VAT (${data.vatPercent} %)` }
      : { sv: 'exklusive moms', en: 'excluding VAT' }
    : { sv: 'À-pris exklusive moms, som de sparats', en: 'unit prices excluding VAT, as stored' };
  return [
    { sv: `Underhållsplan: ${data.planName}. Exporterad ${time} från Kvarter.`, en: `Maintenance plan: ${data.planName}. Exported ${time} from Kvarter.` },
    {
      sv: `Belopp i kr ${vat.sv}, exakta till öret (ingen avrundning), beräknade med Kvarters kostnadsmodell.`,
      en: `Amounts in SEK ${vat.en}, exact to the öre (no rounding), computed by Kvarter's cost model.`,
    },
  ];
}

function addIntro(sheet: ExcelJS.Worksheet, data: ExportData, vatApplies: boolean): void {
  for (const line of describeExport(data, vatApplies)) {
    appendRow(sheet, [line.sv]).font = { italic: true };
    appendRow(sheet, [line.en]).font = { italic: true, color: { argb: 'FF555555' } };
  }
}

function addActionsSheet(workbook: ExcelJS.Workbook, data: ExportData): void {
  const sheet = workbook.addWorksheet(actionSheetName, { views: [{ state: 'frozen', ySplit: 6 }] });
  addIntro(sheet, data, false);
  appendHeaderRows(
    sheet,
    importFields.map((field) => fieldHeaders[field]),
  );
  for (const action of data.actions) {
    const values: Record<(typeof importFields)[number], CellInput> = {
      name: action.name,
      category: categoryNames[action.category].sv,
      building: action.buildingName,
      location: action.locationName,
      quantity: action.quantity,
      unit: action.unit,
      unitPrice: action.unitPrice,
      year: action.year,
      intervalYears: action.intervalYears,
      status: statusNames[action.status].sv,
      baseYear: action.baseYear,
      isInvestment: yesNo(action.isInvestment),
      tags: formatTagList(action.tags),
      note: action.note,
      id: action.id,
      libraryItemId: action.libraryItemId,
    };
    appendRow(
      sheet,
      importFields.map((field) => values[field]),
    );
  }
  formatAmountColumns(sheet, [columnOf('unitPrice')]);
  importFields.forEach((field, index) => {
    sheet.getColumn(index + 1).width = columnWidth(field, 14);
  });
}

function addOccurrencesSheet(workbook: ExcelJS.Workbook, data: ExportData): void {
  const sheet = workbook.addWorksheet('Åtgärder per år');
  addIntro(sheet, data, true);
  appendHeaderRows(sheet, [
    { sv: 'År', en: 'Year' },
    { sv: 'Åtgärd', en: 'Action' },
    { sv: 'Kategori', en: 'Category' },
    { sv: 'Byggnad', en: 'Building' },
    { sv: 'Kostnad (kr)', en: 'Cost (SEK)' },
    { sv: 'Status', en: 'Status' },
    { sv: 'Eftersläpande', en: 'Overdue' },
  ]);
  const actionsById = new Map(data.actions.map((action) => [action.id, action]));
  const byYear = new Map<number, CostedOccurrence[]>();
  for (const occurrence of data.occurrences) byYear.set(occurrence.year, [...(byYear.get(occurrence.year) ?? []), occurrence]);
  for (const [year, occurrences] of [...byYear].sort(([a], [b]) => a - b)) {
    // The exact sum, as the analysis and the screens have it, not the rounded cells added up.
    const sum = new ExactSum();
    for (const occurrence of occurrences) {
      const action = actionsById.get(occurrence.actionId);
      sum.add(occurrence.cost);
      appendRow(sheet, [
        year,
        action?.name ?? '',
        action ? categoryNames[action.category].sv : '',
        action?.buildingName ?? null,
        roundToOre(occurrence.cost),
        statusNames[occurrence.status].sv,
        occurrence.overdue ? 'ja' : 'nej',
      ]);
    }
    appendRow(sheet, [year, `Summa ${year} / Total ${year}`, null, null, roundToOre(sum.value()), null, null]).font = { bold: true };
  }
  formatAmountColumns(sheet, [5]);
  sheet.getColumn(2).width = 40;
  sheet.getColumn(3).width = 22;
  sheet.getColumn(4).width = 16;
  sheet.getColumn(5).width = 16;
}

function addAnalysisSheet(workbook: ExcelJS.Workbook, data: ExportData): void {
  const sheet = workbook.addWorksheet('Ekonomisk analys');
  addIntro(sheet, data, true);
  const { analysis } = data;
  const figures: [string, number | null][] = [
    ['Total kostnad / Total cost', analysis.total],
    ['Snitt per år / Average per year', analysis.averagePerYear],
    ['Yta BOA + LOA (m²) / Area (m²)', analysis.areaM2],
    ['Snitt per år och m² / Average per year and m²', analysis.averagePerYearPerM2],
    ['Underhållsskuld / Maintenance debt', analysis.maintenanceDebt],
    ['Underhållsskuld per m² / Maintenance debt per m²', analysis.maintenanceDebtPerM2],
  ];
  appendRow(sheet, ['Nyckeltal / Key figures']).font = { bold: true };
  for (const [label, value] of figures) appendRow(sheet, [label, value === null ? '–' : roundToOre(value)]);
  appendRow(sheet, []);
  appendHeaderRows(sheet, [{ sv: 'År', en: 'Year' }, { sv: 'Summa', en: 'Total' }, ...categories.map((category) => ({ sv: category.sv, en: category.en }))]);
  for (const year of analysis.years) {
    appendRow(sheet, [year.year, roundToOre(year.total), ...categories.map((category) => roundToOre(year.byCategory[category.code] ?? 0))]);
  }
  formatAmountColumns(sheet, [2, ...categories.map((_, index) => index + 3)]);
  sheet.getColumn(1).width = 44;
}

function addFundSheet(workbook: ExcelJS.Workbook, data: ExportData): void {
  const sheet = workbook.addWorksheet('Avsättningsanalys');
  addIntro(sheet, data, true);
  const { fund } = data;
  appendRow(sheet, ['Nyckeltal / Key figures (investeringar ingår inte / investments excluded)']).font = { bold: true };
  // A year, not an amount: the column's amount format would show 2034 as 2,034.00.
  appendRow(sheet, ['Första år med underskott / First shortfall year', fund.firstShortfallYear ?? 'inget / none']).getCell(2).numFmt = '0';
  appendRow(sheet, ['Avsättning som behövs per år / Required provision per year', fund.requiredProvisionPerYear ?? '–']);
  appendRow(sheet, ['Årlig kostnad, komponentmetoden / Annualised cost (component method)', roundToOre(fund.annualisedCost)]);
  appendRow(sheet, []);
  appendHeaderRows(sheet, [
    { sv: 'År', en: 'Year' },
    { sv: 'Kostnad', en: 'Cost' },
    { sv: 'Avsättning', en: 'Provision' },
    { sv: 'Saldo', en: 'Balance' },
  ]);
  for (const year of fund.years) appendRow(sheet, [year.year, roundToOre(year.cost), roundToOre(year.provision), roundToOre(year.balance)]);
  formatAmountColumns(sheet, [2, 3, 4]);
  sheet.getColumn(1).width = 60;
}

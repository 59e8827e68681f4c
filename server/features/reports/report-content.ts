import { categoryCodes, categoryNames, isCategoryCode } from '../../../shared/categories.ts';
import {
  BALANCE_TOLERANCE_SEK,
  NO_BUILDING,
  OCCURRENCE_STATUSES,
  type CostedOccurrence,
  type FundAnalysis,
  type PlanAnalysis,
  type VatMode,
} from '../../../shared/cost-model/index.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import { statusNames } from '../../../shared/statuses.ts';
import { chartHeight } from './report-charts.ts';
import type { Block, ChartSpec, TableColumn, TableRow } from './report-layout.ts';
import { formatReportAmount, formatReportDate, formatReportNumber, formatReportShare } from './report-format.ts';
import type { ReportData } from './report-data.ts';
import { planNamesTheDocument } from './report-name.ts';
import { fillText, type ReportTexts } from './report-texts.ts';
import { chartPalette } from '../../../shared/chart-palette.ts';

export interface ReportSettings {
  language: Language;
  vat: VatMode;
  isRounded: boolean;
  /** The date printed on the cover. */
  printedAt: Date;
}

export interface ReportFigures {
  analysis: PlanAnalysis;
  fund: FundAnalysis;
  /** Every occurrence in the window (investments included), by year. */
  occurrences: CostedOccurrence[];
}

/** Wraps a note to the content width (the canvas measures). */
export type WrapText = (text: string) => string[];

/**
 * One fill per category by its place in shared/categories.ts: the analysis screen's palette, so
 * the board sees the same colour for a category on paper and on screen.
 */
const categoryColours: readonly string[] = chartPalette;

/** The board report as blocks: cover, cost per year, breakdowns, fund analysis, actions per year. */
export function buildReportBlocks(data: ReportData, figures: ReportFigures, settings: ReportSettings, texts: ReportTexts, wrap: WrapText): Block[] {
  const { language } = settings;
  const amount = (value: number) => formatReportAmount(value, language, settings.isRounded);
  const perM2 = (value: number | null) => (value === null ? texts.noArea : amount(value));
  const area = (value: number | null) => (value === null ? texts.notStated : `${formatReportNumber(value, language)} m²`);
  const stated = (value: string | number | null) => (value === null || value === '' ? texts.notStated : String(value));
  const categoryName = (code: string) => (isCategoryCode(code) ? categoryNames[code][language] : code);
  const buildingNames = new Map(data.buildings.map((building) => [building.id, building.name]));
  const buildingName = (id: string | null) => (id === null || id === NO_BUILDING ? texts.noBuilding : (buildingNames.get(id) ?? texts.noBuilding));
  const { analysis, fund } = figures;

  const isPlanNamedAsDocument = planNamesTheDocument(data.plan.name);

  const blocks: Block[] = [
    ...(data.branding ? [{ kind: 'brand', branding: data.branding } as const] : []),
    {
      kind: 'title',
      title: isPlanNamedAsDocument ? data.plan.name : texts.documentTitle,
      subtitle: isPlanNamedAsDocument ? '' : data.plan.name,
      detail: [data.property.name, data.property.designation].filter(Boolean).join(' · '),
    },
    { kind: 'subheading', text: texts.propertyHeading },
    {
      kind: 'pairs',
      rows: [
        { label: texts.property, value: data.property.name },
        { label: texts.designation, value: stated(data.property.designation) },
        { label: texts.address, value: stated(data.property.address) },
        { label: texts.municipality, value: stated(data.property.municipality) },
        { label: texts.buildYear, value: stated(data.property.buildYear) },
        { label: texts.boa, value: area(data.property.boa) },
        { label: texts.loa, value: area(data.property.loa) },
      ],
    },
    { kind: 'gap' },
    { kind: 'subheading', text: texts.planHeading },
    {
      kind: 'pairs',
      rows: [
        { label: texts.planName, value: data.plan.name },
        {
          label: texts.planWindow,
          value: fillText(texts.planWindowValue, { start: analysis.window.startYear, end: analysis.window.endYear, years: data.plan.lengthYears }),
        },
        { label: texts.generatedOn, value: formatReportDate(settings.printedAt, language) },
        {
          label: texts.vat,
          value: settings.vat === 'incl' ? fillText(texts.vatIncluded, { percent: formatReportNumber(data.plan.vatPercent, language) }) : texts.vatExcluded,
        },
        { label: texts.rounding, value: settings.isRounded ? texts.roundedAmounts : texts.exactAmounts },
      ],
    },
    { kind: 'gap' },
    { kind: 'subheading', text: texts.keyFiguresHeading },
    {
      kind: 'pairs',
      rows: [
        { label: texts.total, value: amount(analysis.total) },
        { label: texts.averagePerYear, value: amount(analysis.averagePerYear) },
        { label: texts.areaM2, value: `${formatReportNumber(analysis.areaM2, language)} m²` },
        { label: texts.averagePerYearPerM2, value: perM2(analysis.averagePerYearPerM2) },
        { label: texts.maintenanceDebt, value: amount(analysis.maintenanceDebt) },
        { label: texts.maintenanceDebtPerM2, value: perM2(analysis.maintenanceDebtPerM2) },
      ],
    },
    { kind: 'gap' },
    { kind: 'note', lines: wrap(texts.investmentsNote) },
    ...(data.actions.length === 0 ? [{ kind: 'note' as const, lines: wrap(texts.noActions) }] : []),

    { kind: 'pageBreak' },
    { kind: 'heading', text: texts.costPerYearHeading },
    ...costPerYearBlocks(analysis, figures.occurrences.length > 0, texts, wrap, categoryName),
    { kind: 'gap' },
    { kind: 'heading', text: texts.breakdownHeading },
    ...breakdownBlocks(analysis, texts, wrap, language, amount, categoryName, buildingName),

    { kind: 'pageBreak' },
    { kind: 'heading', text: texts.fundHeading },
    ...fundBlocks(data, fund, texts, wrap, amount),

    { kind: 'pageBreak' },
    { kind: 'heading', text: texts.actionsPerYearHeading },
    ...actionsPerYearBlocks(data, figures, settings, texts, wrap, amount, categoryName, buildingName),
  ];
  return blocks;
}

function costPerYearBlocks(
  analysis: PlanAnalysis,
  hasOccurrences: boolean,
  texts: ReportTexts,
  wrap: WrapText,
  categoryName: (code: string) => string,
): Block[] {
  if (!hasOccurrences) return [{ kind: 'note', lines: wrap(texts.noOccurrences) }];
  const codes = Object.keys(analysis.years[0]?.byCategory ?? {}).sort((a, b) => categoryIndex(a) - categoryIndex(b));
  const chart: ChartSpec = {
    kind: 'costPerYear',
    years: analysis.years.map((year) => year.year),
    series: codes.map((code) => ({
      label: categoryName(code),
      colour: categoryColours[categoryIndex(code) % categoryColours.length] ?? '#8c8c8c',
      values: analysis.years.map((year) => year.byCategory[code] ?? 0),
    })),
  };
  return [
    { kind: 'note', lines: wrap(texts.costPerYearCaption) },
    { kind: 'chart', chart, height: chartHeight(chart) },
  ];
}

function categoryIndex(code: string): number {
  const index = (categoryCodes as readonly string[]).indexOf(code);
  return index === -1 ? categoryCodes.length : index;
}

function breakdownBlocks(
  analysis: PlanAnalysis,
  texts: ReportTexts,
  wrap: WrapText,
  language: Language,
  amount: (value: number) => string,
  categoryName: (code: string) => string,
  buildingName: (id: string) => string,
): Block[] {
  const table = (label: string, caption: string, entries: { name: string; total: number }[]): Block => {
    const columns: TableColumn[] = [
      { label, width: 0.4, align: 'left' },
      { label: texts.amount, width: 0.2, align: 'right' },
      { label: texts.share, width: 0.12, align: 'right' },
      { label: '', width: 0.28, align: 'left', isBar: true },
    ];
    const rows: TableRow[] = entries.map((entry) => ({
      cells: [entry.name, amount(entry.total), formatReportShare(entry.total, analysis.total, language)],
      bar: analysis.total === 0 ? 0 : entry.total / analysis.total,
    }));
    return { kind: 'table', columns, rows, caption: { left: caption, continued: caption } };
  };
  const first = analysis.years[0];
  if (first === undefined || analysis.total === 0) return [{ kind: 'note', lines: wrap(texts.noOccurrences) }];
  // The window's exact sums, never the years' amounts added up (docs/product/cost-model.md § Sums).
  const categories = Object.entries(analysis.byCategory)
    .sort(([a], [b]) => categoryIndex(a) - categoryIndex(b))
    .map(([code, total]) => ({ name: categoryName(code), total }));
  const buildings = Object.entries(analysis.byBuilding).map(([id, total]) => ({ name: buildingName(id), total }));
  const statuses = OCCURRENCE_STATUSES.map((status) => ({ name: statusNames[status][language], total: analysis.byStatus[status] }));
  return [
    table(texts.category, texts.byCategory, categories),
    table(texts.building, texts.byBuilding, buildings),
    table(texts.status, texts.byStatus, statuses),
  ];
}

function fundBlocks(data: ReportData, fund: FundAnalysis, texts: ReportTexts, wrap: WrapText, amount: (value: number) => string): Block[] {
  const assumptions = data.planInput.fund;
  const isBelowMinimum = (balance: number) => balance < assumptions.minimumBalance - BALANCE_TOLERANCE_SEK;
  const chart: ChartSpec = {
    kind: 'fund',
    years: fund.years.map((year) => year.year),
    costs: fund.years.map((year) => year.cost),
    balances: fund.years.map((year) => year.balance),
    minimumBalance: assumptions.minimumBalance,
    shortfallYear: fund.firstShortfallYear,
    legend: {
      cost: texts.yearlyCost,
      balance: texts.balance,
      minimum: texts.minimumBalance,
      shortfall: fund.firstShortfallYear === null ? '' : fillText(texts.shortfall, { year: fund.firstShortfallYear }),
    },
  };
  return [
    { kind: 'note', lines: wrap(texts.fundCaption) },
    { kind: 'chart', chart, height: chartHeight(chart) },
    {
      kind: 'pairs',
      rows: [
        { label: texts.openingBalance, value: amount(assumptions.openingBalance) },
        { label: texts.currentProvision, value: amount(assumptions.currentProvisionPerYear) },
        { label: texts.minimumBalance, value: amount(assumptions.minimumBalance) },
        { label: texts.firstShortfallYear, value: fund.firstShortfallYear === null ? texts.noShortfall : String(fund.firstShortfallYear) },
        { label: texts.requiredProvision, value: fund.requiredProvisionPerYear === null ? texts.noRequiredProvision : amount(fund.requiredProvisionPerYear) },
        { label: texts.annualisedCost, value: amount(fund.annualisedCost) },
      ],
    },
    { kind: 'gap' },
    {
      kind: 'table',
      columns: [
        { label: texts.year, width: 0.16, align: 'left' },
        { label: texts.cost, width: 0.28, align: 'right' },
        { label: texts.provision, width: 0.28, align: 'right' },
        { label: texts.balance, width: 0.28, align: 'right' },
      ],
      rows: fund.years.map((year) => ({
        cells: [String(year.year), amount(year.cost), amount(year.provision), amount(year.balance)],
        isMarked: isBelowMinimum(year.balance),
      })),
    },
  ];
}

/** Units as people write them: m2 → m², m3 → m³; free-text units as entered. */
function unitText(unit: string): string {
  return unit === 'm2' ? 'm²' : unit === 'm3' ? 'm³' : unit;
}

function actionsPerYearBlocks(
  data: ReportData,
  figures: ReportFigures,
  settings: ReportSettings,
  texts: ReportTexts,
  wrap: WrapText,
  amount: (value: number) => string,
  categoryName: (code: string) => string,
  buildingName: (id: string | null) => string,
): Block[] {
  if (figures.occurrences.length === 0) return [{ kind: 'note', lines: wrap(data.actions.length === 0 ? texts.noActions : texts.noOccurrences) }];
  const { language } = settings;
  const actionsById = new Map(data.actions.map((action) => [action.id, action]));
  // The name has the most room; the headers, "Ingen byggnad", "Planerad, försenad", a cost up to
  // "SEK 9,999,999.99" and most categories fit on one line. Longer texts wrap within their column.
  const columns: TableColumn[] = [
    { label: texts.action, width: 0.28, align: 'left' },
    { label: texts.category, width: 0.15, align: 'left' },
    { label: texts.building, width: 0.14, align: 'left' },
    { label: texts.quantity, width: 0.1, align: 'right' },
    { label: texts.cost, width: 0.16, align: 'right' },
    { label: texts.status, width: 0.17, align: 'left' },
  ];
  const blocks: Block[] = [];
  let index = 0;
  for (const year of figures.analysis.years) {
    const rows: TableRow[] = [];
    for (; index < figures.occurrences.length && figures.occurrences[index]!.year === year.year; index += 1) {
      const occurrence = figures.occurrences[index]!;
      const action = actionsById.get(occurrence.actionId);
      const text = data.actionTexts.get(occurrence.actionId);
      const status = statusNames[occurrence.status][language];
      rows.push({
        cells: [
          text?.name ?? '',
          action ? categoryName(action.category) : '',
          buildingName(action?.buildingId ?? null),
          text ? `${formatReportNumber(text.quantity, language)} ${unitText(text.unit)}` : '',
          amount(occurrence.cost),
          occurrence.overdue ? fillText(texts.overdue, { status }) : status,
        ],
        isMarked: occurrence.status === 'urgent' || occurrence.overdue,
      });
    }
    if (rows.length === 0) continue;
    const heading = String(year.year);
    blocks.push({
      kind: 'table',
      columns,
      rows,
      caption: { left: heading, right: fillText(texts.yearSum, { amount: amount(year.total) }), continued: fillText(texts.continued, { year: heading }) },
    });
  }
  return blocks;
}

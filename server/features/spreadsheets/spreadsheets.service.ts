import { analyseFund, analysePlan, planOccurrences } from '../../../shared/cost-model/index.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import type { ExportQuery, ImportDryRunResponse, ImportMapping, ImportResponse } from '../../../shared/schemas/spreadsheet.ts';
import { maxReportedImportErrors } from '../../../shared/schemas/spreadsheet.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { findPlan } from '../plans/plans.queries.ts';
import { insertPropertyParts, listBuildings, listLocations } from '../property-parts/property-parts.queries.ts';
import { buildExportWorkbook } from './build-export-workbook.ts';
import { buildTemplateWorkbook } from './build-template-workbook.ts';
import { keyOf, readImportRows, type ImportReading } from './read-import-rows.ts';
import { fileError, readSpreadsheet } from './read-spreadsheet.ts';
import * as queries from './spreadsheets.queries.ts';
import { recordChangesBy } from '../../plan-history/record-changes.ts';
import type { AccountId } from '../../db/account-id.ts';

/** A workbook ready to send: its bytes and the plan's name for the file name. */
export interface WorkbookFile {
  planName: string;
  content: Buffer;
}

/** The empty import template, with the plan's property's buildings and locations as suggestions. */
export async function getTemplate(deps: Deps, actor: Actor, planId: string): Promise<WorkbookFile> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const plan = await findPlan(deps.db, accountId, planId);
  if (!plan) throw notFound('Plan');
  const [buildings, locations] = await Promise.all([listBuildings(deps.db, accountId, plan.propertyId), listLocations(deps.db, accountId, plan.propertyId)]);
  const workbook = buildTemplateWorkbook({ buildings: buildings.map((part) => part.name), locations: locations.map((part) => part.name) });
  return { planName: plan.name, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/**
 * The plan as a workbook (actions, occurrences per year, economic and fund analysis), read in one
 * repeatable-read snapshot so the sheets never mix two states of the plan. The analysis is that of
 * `GET /analysis` with its defaults (investments included, as of the current year).
 */
export async function exportPlan(deps: Deps, actor: Actor, planId: string, query: ExportQuery): Promise<WorkbookFile> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const snapshot = await deps.planSnapshots.read(accountId, planId, { costInputs: 'list', actionRows: true });
  if (!snapshot) throw notFound('Plan');
  const { planInput, costInputs } = snapshot;
  const workbook = buildExportWorkbook({
    planName: snapshot.plan.name,
    vat: query.vat,
    vatPercent: snapshot.plan.vatPercent,
    exportedAt: new Date(),
    actions: snapshot.actionRows,
    occurrences: planOccurrences(planInput, costInputs, { vat: query.vat, includeInvestments: true }),
    analysis: analysePlan(planInput, costInputs, { vat: query.vat, includeInvestments: true, asOfYear: new Date().getUTCFullYear() }),
    fund: analyseFund(planInput, costInputs, { vat: query.vat }),
  });
  return { planName: snapshot.plan.name, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

export interface ImportInput {
  file: Buffer;
  dryRun: boolean;
  mapping?: ImportMapping;
  language: Language;
}

/**
 * Imports the file's rows as new actions of the plan. A dry run reads and checks everything and
 * writes nothing. A confirm does the same inside one transaction, and either creates every row
 * (and the buildings and locations it names that the property lacks) or, when any cell is wrong,
 * nothing: a 400 listing every error as `rows.<row>.<field>`.
 */
export async function importActions(deps: Deps, actor: Actor, planId: string, input: ImportInput): Promise<ImportDryRunResponse | ImportResponse> {
  // Checked before the file is parsed, so a viewer or a stranger costs no parsing.
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'plans:write', 'Plan');
  const rows = await readSpreadsheet(input.file);
  if (input.dryRun) {
    const plan = await findPlan(deps.db, accountId, planId);
    if (!plan) throw notFound('Plan');
    const reading = readImportRows(rows, await loadParts(deps.db, accountId, plan.propertyId), { manualMapping: input.mapping, language: input.language });
    return dryRunResponseOf(reading);
  }
  return deps.db.transaction().execute(async (transaction) => {
    // Again inside the transaction: the membership may have changed while the file was parsed.
    await requireRowPermission(transaction, actor, 'plans', planId, 'plans:write', 'Plan', { forKeyShare: true });
    const plan = await findPlan(transaction, accountId, planId);
    if (!plan) throw notFound('Plan');
    const parts = await loadParts(transaction, accountId, plan.propertyId);
    const reading = readImportRows(rows, parts, { manualMapping: input.mapping, language: input.language });
    if (reading.rowCount === 0) throw fileError('spreadsheet.no_rows');
    if (reading.errors.length > 0) throw rowsError(reading);
    await recordChangesBy(transaction, actor);
    const buildingIds = idsByName([
      ...parts.buildings,
      ...(await insertPropertyParts(transaction, accountId, 'buildings', plan.propertyId, reading.newBuildings)),
    ]);
    const locationIds = idsByName([
      ...parts.locations,
      ...(await insertPropertyParts(transaction, accountId, 'locations', plan.propertyId, reading.newLocations)),
    ]);
    const created = await queries.insertImportedActions(
      transaction,
      accountId,
      { propertyId: plan.propertyId, planId },
      reading.actions.map(({ request, building, location }) => ({
        building_id: building === null ? null : (buildingIds.get(keyOf(building)) ?? null),
        location_id: location === null ? null : (locationIds.get(keyOf(location)) ?? null),
        name: request.name,
        category: request.category,
        quantity: request.quantity,
        unit: request.unit,
        unit_price: request.unitPrice,
        year: request.year,
        interval_years: request.intervalYears ?? null,
        status: request.status ?? 'planned',
        base_year: request.baseYear ?? null,
        is_investment: request.isInvestment ?? false,
        tags: request.tags ?? [],
        note: request.note ?? '',
      })),
    );
    return { created };
  });
}

async function loadParts(db: Deps['db'], accountId: AccountId, propertyId: string) {
  const [buildings, locations] = await Promise.all([listBuildings(db, accountId, propertyId), listLocations(db, accountId, propertyId)]);
  return { buildings, locations };
}

/** The first part of each name (case-insensitive), as `readImportRows` matched them. */
function idsByName(parts: readonly { id: string; name: string }[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const part of parts) if (!ids.has(keyOf(part.name))) ids.set(keyOf(part.name), part.id);
  return ids;
}

function dryRunResponseOf(reading: ImportReading): ImportDryRunResponse {
  return {
    columns: reading.columns,
    rowCount: reading.rowCount,
    validRowCount: reading.validRowCount,
    preview: reading.preview,
    errorCount: reading.errors.length,
    errors: reading.errors.slice(0, maxReportedImportErrors),
    newBuildings: reading.newBuildings,
    newLocations: reading.newLocations,
  };
}

/** Every error as a field code `rows.<row>.<field>` (the error handler translates them), or `mapping.<field>` for columns. */
function rowsError(reading: ImportReading): AppError {
  const fieldCodes: NonNullable<AppError['fieldCodes']> = {};
  for (const error of reading.errors.slice(0, maxReportedImportErrors)) {
    const key =
      error.code === 'spreadsheet.column_missing' || error.code === 'spreadsheet.column_twice' ? `mapping.${error.field}` : `rows.${error.row}.${error.field}`;
    fieldCodes[key] ??= error.code;
  }
  return new AppError('validation', `${reading.errors.length} errors in the file; nothing was imported`, fieldCodes);
}

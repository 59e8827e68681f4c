import { analyseFund, analysePlan, planOccurrences } from '../../../shared/cost-model/index.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import type { ExportQuery, ImportDryRunResponse, ImportMapping, ImportResponse } from '../../../shared/schemas/spreadsheet.ts';
import { maxListedImportRows } from '../../../shared/schemas/spreadsheet.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { importRowsError } from './import-rows-error.ts';
import { readingSummaryOf } from './read-sheet-frame.ts';
import { findPlan } from '../plans/plans.queries.ts';
import { insertPropertyParts, listBuildings, listLocations } from '../property-parts/property-parts.queries.ts';
import { buildExportWorkbook } from './build-export-workbook.ts';
import { buildTemplateWorkbook } from './build-template-workbook.ts';
import { planImportChanges, type PlanImportChanges, type ValueField } from './plan-import-changes.ts';
import { keyOf, readImportRows, type ImportedAction, type ImportReading } from './read-import-rows.ts';
import { fileError, readSpreadsheet } from './read-spreadsheet.ts';
import * as queries from './spreadsheets.queries.ts';
import type { ImportedActionValues } from './spreadsheets.queries.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { ActionRow } from '../../plan-snapshot/plan-snapshot.queries.ts';
import { openChangeSet } from '../../plan-history/change-sets.ts';
import { actionChangeColumns } from '../../plan-history/change-columns.ts';

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
 * Imports the file's rows into the plan: a row with the id of one of the plan's actions updates the
 * fields that differ (an unchanged row writes nothing), a row without an id creates an action
 * (docs/decisions/0035-re-import-by-id.md). A dry run reads and checks everything, says what a
 * confirm would do, and writes nothing. A confirm does the same inside one transaction, as one
 * change set, and either writes every row (and the buildings and locations it names that the
 * property lacks) or, when any cell is wrong, nothing: a 400 listing every error as `rows.<row>.<field>`.
 */
export async function importActions(deps: Deps, actor: Actor, planId: string, input: ImportInput): Promise<ImportDryRunResponse | ImportResponse> {
  // Checked before the file is parsed, so a viewer or a stranger costs no parsing.
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'plans:write', 'Plan');
  const rows = await readSpreadsheet(input.file);
  const read = (parts: Parts, planActions: readonly ActionRow[], libraryItemIds: ReadonlySet<string>) =>
    readImportRows(rows, parts, {
      manualMapping: input.mapping,
      language: input.language,
      planActionIds: new Set(planActions.map((action) => action.id)),
      libraryItemIds,
    });
  if (input.dryRun) {
    const plan = await findPlan(deps.db, accountId, planId);
    if (!plan) throw notFound('Plan');
    const [parts, planActions, libraryItemIds] = await Promise.all([
      loadParts(deps.db, accountId, plan.propertyId),
      queries.listPlanActions(deps.db, accountId, planId),
      queries.listLinkableLibraryItemIds(deps.db, accountId, planId),
    ]);
    const reading = read(parts, planActions, libraryItemIds);
    return dryRunResponseOf(reading, planImportChanges(reading, planActions));
  }
  return deps.db.transaction().execute(async (transaction) => {
    // Again inside the transaction: the membership may have changed while the file was parsed.
    await requireRowPermission(transaction, actor, 'plans', planId, 'plans:write', 'Plan', { forKeyShare: true });
    const changeSetId = await openChangeSet(transaction, accountId, planId, 'import', actor);
    const plan = await findPlan(transaction, accountId, planId);
    if (!plan) throw notFound('Plan');
    const parts = await loadParts(transaction, accountId, plan.propertyId);
    const planActions = await queries.listPlanActions(transaction, accountId, planId, { forUpdate: true });
    const reading = read(parts, planActions, await queries.listLinkableLibraryItemIds(transaction, accountId, planId, { forKeyShare: true }));
    if (reading.rowCount === 0) throw fileError('spreadsheet.no_rows');
    if (reading.errors.length > 0) throw importRowsError(reading.errors);
    const changes = planImportChanges(reading, planActions);
    const buildingIds = idsByName([
      ...parts.buildings,
      ...(await insertPropertyParts(transaction, accountId, 'buildings', plan.propertyId, reading.newBuildings)),
    ]);
    const locationIds = idsByName([
      ...parts.locations,
      ...(await insertPropertyParts(transaction, accountId, 'locations', plan.propertyId, reading.newLocations)),
    ]);
    const columnsOf = ({ request, building, location }: ImportedAction): ImportedActionValues => ({
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
      library_item_id: request.libraryItemId ?? null,
    });
    const created = await queries.insertImportedActions(transaction, accountId, { propertyId: plan.propertyId, planId }, changes.creates.map(columnsOf));
    for (const { summary, imported } of changes.updates) {
      const all = columnsOf(imported);
      const columns = Object.keys(summary.changes).map((field) => columnOfField(field as ValueField));
      const values = Object.fromEntries(columns.map((column) => [column, all[column]]));
      // The plan's actions are locked: an action the reading matched is still there.
      if (!(await queries.updateImportedAction(transaction, accountId, planId, summary.actionId, values))) throw notFound('Action');
    }
    return { created, updated: changes.updates.length, unchanged: changes.unchanged, changeSetId };
  });
}

type Parts = Awaited<ReturnType<typeof loadParts>>;

/** The column a field of a row is stored in: the history's names, with buildings and locations by id. */
function columnOfField(field: ValueField): keyof ImportedActionValues {
  if (field === 'building') return actionChangeColumns.buildingId;
  if (field === 'location') return actionChangeColumns.locationId;
  return actionChangeColumns[field];
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

function dryRunResponseOf(reading: ImportReading, changes: PlanImportChanges): ImportDryRunResponse {
  return {
    ...readingSummaryOf(reading),
    newBuildings: reading.newBuildings,
    newLocations: reading.newLocations,
    toCreate: changes.creates.length,
    toUpdate: changes.updates.length,
    unchanged: changes.unchanged,
    updates: changes.updates.slice(0, maxListedImportRows).map((update) => update.summary),
    possibleDuplicates: changes.possibleDuplicates.slice(0, maxListedImportRows),
  };
}

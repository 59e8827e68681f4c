import { sql } from 'kysely';
import type { Language } from '../../../shared/i18n/language.ts';
import type { ValidationMessageKey } from '../../../shared/i18n/validation-messages.ts';
import type { AlreadyGenerated, GeneratedDraft, GenerateRequest, GenerateResponse } from '../../../shared/schemas/library.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, validationError } from '../../http/app-error.ts';
import { openChangeSet } from '../../plan-history/change-sets.ts';
import { findPlan } from '../plans/plans.queries.ts';
import { builtinLibrary, type BuiltinComponent } from './builtin-library.ts';
import { resolveBuiltinItems, type ResolvedItem } from './library-items.queries.ts';

/** The last year an action may have (the database's CHECK, and yearSchema's). */
const LAST_YEAR = 2200;

/** One (component, building) pair of the request, with its place in it for error messages. */
interface Entry {
  index: number;
  component: BuiltinComponent;
  buildingId: string | null;
  lastDoneYear: number | null;
  quantity: number;
}

/**
 * POST /api/plans/:id/generate: one draft action per item of each component and building given,
 * from the items as the account sees them (docs/product/api.md § Library). A component already
 * generated for the same building is never duplicated silently: without `onExisting` the request
 * is refused with 409 and the list, so the person decides. One change set, so it can be undone.
 */
export async function generateActions(deps: Deps, actor: Actor, planId: string, input: GenerateRequest, language: Language): Promise<GenerateResponse> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'plans', planId, 'plans:write', 'Plan', { forKeyShare: true });
    const plan = await findPlan(transaction, accountId, planId);
    if (!plan) throw notFound('Plan');
    const entries = entriesOf(input);
    await assertBuildingsOfProperty(transaction, accountId, plan.propertyId, entries);
    const items = await resolveBuiltinItems(transaction, accountId, [...new Set(entries.flatMap((entry) => entry.component.itemIds))]);
    const alreadyGenerated = await findAlreadyGenerated(transaction, accountId, planId, entries);
    if (alreadyGenerated.length > 0 && !input.dryRun && input.onExisting === undefined) {
      throw new AppError('conflict', 'Some building parts were generated for these buildings before: skip them or add them again.', undefined, undefined, {
        alreadyGenerated,
      });
    }
    const isAlready = (entry: Entry) => alreadyGenerated.some((pair) => pair.componentId === entry.component.id && pair.buildingId === entry.buildingId);
    const kept = input.onExisting === 'skip' ? entries.filter((entry) => !isAlready(entry)) : entries;
    const drafts = kept.flatMap((entry) => draftsOf(entry, items, plan.startYear, language));
    if (input.dryRun || drafts.length === 0) return { created: input.dryRun ? drafts.length : 0, actionIds: [], drafts, alreadyGenerated };

    const changeSetId = await openChangeSet(transaction, accountId, planId, 'generate', actor);
    const actionIds = await insertDrafts(transaction, accountId, plan.propertyId, planId, drafts);
    return { created: actionIds.length, actionIds, drafts, alreadyGenerated, changeSetId };
  });
}

function entriesOf(input: GenerateRequest): Entry[] {
  const components = new Map(builtinLibrary().components.map((component) => [component.id, component]));
  const fieldCodes: Record<string, ValidationMessageKey> = {};
  const seen = new Set<string>();
  const thisYear = new Date().getFullYear();
  const entries = input.components.flatMap((given, index): Entry[] => {
    const component = components.get(given.componentId);
    const buildingId = given.buildingId ?? null;
    const pair = `${given.componentId} ${buildingId}`;
    if (!component) fieldCodes[`components.${index}.componentId`] = 'library.component_unknown';
    else if (seen.has(pair)) fieldCodes[`components.${index}.componentId`] = 'library.generate_twice';
    seen.add(pair);
    const lastDoneYear = given.lastDoneYear ?? null;
    if (lastDoneYear !== null && lastDoneYear > thisYear) fieldCodes[`components.${index}.lastDoneYear`] = 'library.last_done_in_future';
    if (!component) return [];
    return [{ index, component, buildingId, lastDoneYear, quantity: given.quantity ?? 0 }];
  });
  if (Object.keys(fieldCodes).length > 0) throw validationError(fieldCodes, 'Some building parts cannot be generated');
  return entries;
}

async function assertBuildingsOfProperty(db: Db, accountId: AccountId, propertyId: string, entries: Entry[]): Promise<void> {
  const given = [...new Set(entries.flatMap((entry) => (entry.buildingId === null ? [] : [entry.buildingId])))];
  if (given.length === 0) return;
  const rows = await db
    .selectFrom('buildings')
    .select('id')
    .where('account_id', '=', accountId)
    .where('property_id', '=', propertyId)
    .where('id', 'in', given)
    .execute();
  const known = new Set(rows.map((row) => row.id));
  const fieldCodes = Object.fromEntries(
    entries
      .filter((entry) => entry.buildingId !== null && !known.has(entry.buildingId))
      .map((entry) => [`components.${entry.index}.buildingId`, 'building.not_in_property' as const]),
  );
  if (Object.keys(fieldCodes).length > 0) throw validationError(fieldCodes, 'The building is not one of this property');
}

/**
 * The (component, building) pairs of the request that the plan already has an action for: an
 * action of that building linked to one of the component's items, or to the account's
 * replacement of one.
 */
async function findAlreadyGenerated(db: Db, accountId: AccountId, planId: string, entries: Entry[]): Promise<AlreadyGenerated[]> {
  const { rows } = await sql<{ buildingId: string | null; builtinId: string }>`
    select distinct a.building_id as "buildingId", coalesce(li.replaces_item_id, li.id) as "builtinId"
    from actions a
    join library_items li on li.id = a.library_item_id
    where a.account_id = ${accountId} and a.plan_id = ${planId}`.execute(db);
  const linked = new Set(rows.map((row) => `${row.builtinId} ${row.buildingId}`));
  return entries
    .filter((entry) => entry.component.itemIds.some((itemId) => linked.has(`${itemId} ${entry.buildingId}`)))
    .map((entry) => ({ componentId: entry.component.id, buildingId: entry.buildingId }));
}

/**
 * The entry's drafts: the first one falls due a lifetime after the year it was last done (the
 * cost model places an overdue one in the plan's start year), else in the plan's start year.
 */
function draftsOf(entry: Entry, items: Map<string, ResolvedItem>, startYear: number, language: Language): GeneratedDraft[] {
  return entry.component.itemIds.map((builtinId) => {
    const item = items.get(builtinId);
    if (!item) throw new Error(`The built-in item ${builtinId} of component ${entry.component.key} is not in library_items`);
    const year = entry.lastDoneYear === null ? startYear : entry.lastDoneYear + item.lifetimeYears;
    if (year > LAST_YEAR) throw validationError({ [`components.${entry.index}.lastDoneYear`]: 'library.next_year_out_of_range' });
    return {
      componentId: entry.component.id,
      buildingId: entry.buildingId,
      libraryItemId: item.id,
      name: language === 'sv' ? item.nameSv : item.nameEn,
      category: item.category,
      quantity: entry.quantity,
      unit: item.unit,
      unitPrice: item.unitPrice,
      baseYear: item.priceYear,
      year,
      intervalYears: item.lifetimeYears,
    };
  });
}

/** One INSERT of every draft (the history triggers record each as created in the change set); their ids in the drafts' order. */
async function insertDrafts(db: Db, accountId: AccountId, propertyId: string, planId: string, drafts: GeneratedDraft[]): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    insert into actions (account_id, property_id, plan_id, name, category, building_id, quantity, unit, unit_price, year,
      interval_years, status, base_year, library_item_id)
    select ${accountId}, ${propertyId}, ${planId}, d.name, d.category, d."buildingId", d.quantity, d.unit, d."unitPrice", d.year,
      d."intervalYears", 'draft', d."baseYear", d."libraryItemId"
    from jsonb_to_recordset(${JSON.stringify(drafts.map((draft, position) => ({ ...draft, position })))}::jsonb) as d(name text, category text,
      "buildingId" uuid, quantity numeric, unit text, "unitPrice" numeric, year integer, "intervalYears" integer, "baseYear" integer,
      "libraryItemId" uuid, position integer)
    order by d.position
    returning id`.execute(db);
  return rows.map((row) => row.id);
}

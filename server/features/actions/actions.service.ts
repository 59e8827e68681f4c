import type {
  Action,
  ActionWithCompletions,
  BulkUpdateActionsRequest,
  BulkUpdateActionsResponse,
  CompleteActionRequest,
  CompleteActionResponse,
  Completion,
  CreateActionRequest,
  OccurrencesQuery,
  UpdateActionRequest,
} from '../../../shared/schemas/action.ts';
import { planOccurrences } from '../../../shared/cost-model/index.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, validationError } from '../../http/app-error.ts';
import type { JsonEncoding } from '../../http/json-encoding.ts';
import { withIsoTimestamps } from '../../http/timestamps.ts';
import { openChangeSet } from '../../plan-history/change-sets.ts';
import { findPlan } from '../plans/plans.queries.ts';
import { assertBuildingAndLocationBelongToProperty } from '../properties/assert-building-and-location-belong-to-property.ts';
import * as queries from './actions.queries.ts';
import { recordChangesBy } from '../../plan-history/record-changes.ts';
import { occurrencesResponseOf } from './occurrences-response.ts';
import { moveToTrash } from '../trash/move-to-trash.ts';
import { assertLibraryItemUsable } from '../library/library-items.service.ts';

const what = 'Action';

/** The last year an action or a completion may have (the database's CHECK, and yearSchema's). */
const LAST_YEAR = 2200;

/**
 * Every action of the plan, ordered by year, category (display order), name and id, as the JSON
 * bytes of `actionsResponseSchema`: written by PostgreSQL and kept per plan revision by the plan
 * snapshot, so reading an unchanged plan again costs one small query (decision 0014).
 */
export async function listActionsJson(deps: Deps, actor: Actor, planId: string, encoding?: JsonEncoding): Promise<Buffer> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const json = await deps.planSnapshots.actionsListJson(accountId, planId, encoding);
  // Deleted between the permission check and the read.
  if (json === undefined) throw notFound('Plan');
  return json;
}

/** Left out: no building or location, one-off, `planned`, the plan's base year, no investment, no tags, no note. */
export async function createAction(deps: Deps, actor: Actor, planId: string, input: CreateActionRequest): Promise<Action> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'plans', planId, 'plans:write', 'Plan', { forKeyShare: true });
    const plan = await findPlan(transaction, accountId, planId);
    if (!plan) throw notFound('Plan');
    await assertBuildingAndLocationBelongToProperty(transaction, accountId, plan.propertyId, input);
    await assertLibraryItemUsable(transaction, accountId, input.libraryItemId);
    await recordChangesBy(transaction, actor);
    const values = {
      ...toActionValues(input),
      name: input.name,
      category: input.category,
      quantity: input.quantity,
      unit: input.unit,
      unit_price: input.unitPrice,
      year: input.year,
      status: input.status ?? 'planned',
    };
    return withIsoTimestamps(await queries.insertAction(transaction, accountId, { propertyId: plan.propertyId, planId }, values));
  });
}

/** The action with its completions, newest first. */
export async function getAction(deps: Deps, actor: Actor, actionId: string): Promise<ActionWithCompletions> {
  const accountId = await requireRowPermission(deps.db, actor, 'actions', actionId, 'account:read', what);
  const action = await queries.findAction(deps.db, accountId, actionId);
  if (!action) throw notFound(what);
  const completions = await queries.listCompletions(deps.db, accountId, actionId);
  return { ...withIsoTimestamps(action), completions: completions.map(serialiseCompletion) };
}

/** Changes the given fields only; a new building or location must be of the plan's property. */
export async function updateAction(deps: Deps, actor: Actor, actionId: string, input: UpdateActionRequest): Promise<Action> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'actions', actionId, 'plans:write', what);
    const current = await queries.findAction(transaction, accountId, actionId);
    if (!current) throw notFound(what);
    await assertBuildingAndLocationBelongToProperty(transaction, accountId, current.propertyId, input);
    await assertLibraryItemUsable(transaction, accountId, input.libraryItemId);
    await recordChangesBy(transaction, actor);
    const action = await queries.updateAction(transaction, accountId, actionId, toActionValues(input));
    if (!action) throw notFound(what);
    return withIsoTimestamps(action);
  });
}

/**
 * The same change to many actions of one plan (the per-year view's bulk bar): one transaction, one
 * change set (so the whole of it can be undone), one UPDATE. Every id must be an action of this
 * plan; if any is not (unknown, another plan's, another account's, or deleted meanwhile) the answer
 * is 404 and nothing is written, so a selection is never half applied. A move that would put any
 * action outside 1900–2200 is a 400 saying how many. `done` is refused by the request schema: see
 * `bulkStatusSchema`.
 */
export async function bulkUpdateActions(deps: Deps, actor: Actor, planId: string, input: BulkUpdateActionsRequest): Promise<BulkUpdateActionsResponse> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'plans', planId, 'plans:write', 'Plan');
    const changeSetId = await openChangeSet(transaction, accountId, planId, 'bulk-update', actor);
    const plan = await findPlan(transaction, accountId, planId);
    if (!plan) throw notFound('Plan');
    const set = { ...input.changes, ...input.set };
    await assertBuildingAndLocationBelongToProperty(transaction, accountId, plan.propertyId, set).catch((error: unknown) => {
      // The fields sit under `set` in this request.
      if (!(error instanceof AppError) || !error.fieldCodes) throw error;
      throw validationError(Object.fromEntries(Object.entries(error.fieldCodes).map(([field, code]) => [`set.${field}`, code])), error.message);
    });
    const change: queries.BulkActionChange = {
      values: {
        category: set.category,
        building_id: set.buildingId,
        location_id: set.locationId,
        status: set.status,
        year: set.year,
        tags: set.tags,
        is_investment: set.isInvestment,
      },
      shiftYears: input.shiftYears,
      scaleUnitPricePercent: input.scaleUnitPricePercent,
    };
    const selected = input.actionIds.length;
    const counts = await queries.lockAndCountActionsOfPlan(transaction, accountId, planId, input.actionIds, change);
    if (counts.found !== selected) {
      throw new AppError('not_found', `${selected - counts.found} of the selected actions are not in this plan (deleted meanwhile?)`);
    }
    if (counts.outsideYears > 0) {
      throw validationError(
        { shiftYears: 'actions.shift_outside_years' },
        `${counts.outsideYears} of the ${selected} selected actions would fall outside 1900–2200`,
      );
    }
    if (counts.priceTooHigh > 0) {
      throw validationError(
        { scaleUnitPricePercent: 'actions.scaled_price_out_of_range' },
        `${counts.priceTooHigh} of the ${selected} selected actions would get a unit price above 999 999 999 999.99 kr`,
      );
    }
    const updated = await queries.updateActionsOfPlan(transaction, accountId, planId, input.actionIds, change);
    return { updated, changeSetId };
  });
}

/** Moves the action with its completions, comments and attachments to the account's trash. */
export async function deleteAction(deps: Deps, actor: Actor, actionId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'actions', actionId, 'plans:write', what);
    await recordChangesBy(transaction, actor);
    if (!(await moveToTrash(transaction, accountId, 'action', [actionId], actor))) throw notFound(what);
  });
}

/**
 * Records that the action's due occurrence was done, in one transaction with the action locked
 * (two concurrent completions run one after the other):
 * - the completion year defaults to the first due year (docs/product/cost-model.md § Occurrences, rule 1): `year`, or
 *   `year + intervalYears` for an action that is already `done`;
 * - a recurring action moves to `completion year + intervalYears` (the interval counts from when
 *   the work was actually done), status `planned`;
 * - a one-off action becomes `done` with `year` = the completion year (for a done action, `year`
 *   is the year of the completed occurrence);
 * - a one-off action that is already `done` has nothing left to complete: 409 `conflict` with
 *   field code `status: action.already_done`, nothing written;
 * - a next year after 2200 (the last year the plan data can hold) is a 400 on `year`.
 */
export async function completeAction(deps: Deps, actor: Actor, actionId: string, input: CompleteActionRequest): Promise<CompleteActionResponse> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'actions', actionId, 'plans:write', what);
    const action = await queries.findAction(transaction, accountId, actionId, { forUpdate: true });
    if (!action) throw notFound(what);
    const interval = action.intervalYears;
    if (interval === null && action.status === 'done') {
      throw new AppError('conflict', 'This one-off action is already done; change its status to plan it again', { status: 'action.already_done' });
    }
    const firstDueYear = action.status === 'done' && interval !== null ? action.year + interval : action.year;
    const year = input.year ?? firstDueYear;
    if (year > LAST_YEAR) throw validationError({ year: 'year.out_of_range' }, 'The completion year is after 2200');
    const next = interval === null ? { year, status: 'done' as const } : { year: year + interval, status: 'planned' as const };
    if (next.year > LAST_YEAR) throw validationError({ year: 'completion.next_year_out_of_range' }, 'The next occurrence would fall after 2200');
    await recordChangesBy(transaction, actor, { kind: 'completed' });

    const completion = await queries.insertCompletion(transaction, accountId, {
      actionId,
      year,
      actualCost: input.actualCost ?? null,
      note: input.note ?? '',
      completedBy: actor.userId,
    });
    const updated = await queries.updateAction(transaction, accountId, actionId, next);
    if (!updated) throw notFound(what);
    return { action: withIsoTimestamps(updated), completion: serialiseCompletion(completion) };
  });
}

/**
 * Every occurrence of every action of the plan in its window, with its cost (computed by
 * shared/cost-model), ordered by year and then in the order of the action list, as the JSON bytes
 * of `occurrencesResponseSchema` (in `encoding` when given). The plan and its actions are read in
 * one snapshot; the bytes are kept per revision, plan settings and query, so repeating a view skips
 * the cost model too (decision 0014).
 */
export async function listOccurrencesJson(deps: Deps, actor: Actor, planId: string, query: OccurrencesQuery, encoding?: JsonEncoding): Promise<Buffer> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const snapshot = await deps.planSnapshots.read(accountId, planId, { costInputs: 'list' });
  if (!snapshot) throw notFound('Plan');
  const options = { vat: query.vat, includeInvestments: query.includeInvestments };
  return deps.planSnapshots.cachedJson(
    snapshot,
    `occurrences ${JSON.stringify(options)}`,
    () => occurrencesResponseOf(planOccurrences(snapshot.planInput, snapshot.costInputs, options)),
    encoding,
  );
}

function toActionValues(input: UpdateActionRequest): queries.ActionValues {
  return {
    name: input.name,
    category: input.category,
    building_id: input.buildingId,
    location_id: input.locationId,
    quantity: input.quantity,
    unit: input.unit,
    unit_price: input.unitPrice,
    year: input.year,
    interval_years: input.intervalYears,
    status: input.status,
    base_year: input.baseYear,
    is_investment: input.isInvestment,
    tags: input.tags,
    note: input.note,
    library_item_id: input.libraryItemId,
  };
}

function serialiseCompletion(row: Awaited<ReturnType<typeof queries.insertCompletion>>): Completion {
  return { ...row, completedAt: row.completedAt.toISOString() };
}

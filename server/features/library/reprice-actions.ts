import { sql } from 'kysely';
import type { RepriceCandidatesResponse, RepriceRequest, RepriceResponse } from '../../../shared/schemas/library.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { openChangeSet } from '../../plan-history/change-sets.ts';

type Candidate = RepriceCandidatesResponse['actions'][number];

/**
 * The plan's linked actions whose unit price or base year differs from their item's as the
 * account sees it (its replacement of a built-in item when it has one), in the action list's
 * order; `lock` holds them until the transaction ends.
 */
async function findCandidates(db: Db, accountId: AccountId, planId: string, lock = false): Promise<Candidate[]> {
  const query = sql<Candidate>`
    select a.id, a.name, a.unit_price::float8 as "unitPrice", a.base_year as "baseYear", a.library_item_id as "libraryItemId",
      coalesce(r.unit_price, li.unit_price)::float8 as "libraryUnitPrice", coalesce(r.price_year, li.price_year) as "libraryPriceYear"
    from actions a
    join library_items li on li.id = a.library_item_id and (li.account_id is null or li.account_id = a.account_id)
    left join library_items r on li.account_id is null and r.account_id = a.account_id and r.replaces_item_id = li.id
    where a.account_id = ${accountId} and a.plan_id = ${planId}
      and (a.unit_price, a.base_year) is distinct from (coalesce(r.unit_price, li.unit_price), coalesce(r.price_year, li.price_year))
    order by a.year, a.name, a.id`;
  return (await (lock ? sql<Candidate>`${query} for update of a` : query).execute(db)).rows;
}

/** GET /api/plans/:id/reprice: what repricing would change. */
export async function listRepriceCandidates(deps: Deps, actor: Actor, planId: string): Promise<RepriceCandidatesResponse> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  return { actions: await findCandidates(deps.db, accountId, planId) };
}

/**
 * POST /api/plans/:id/reprice: the candidates (all, or those of `actionIds`) take their item's unit
 * price and price year, as one change set. Every id given must be an action of this plan (else 404
 * and nothing changes, as a bulk update does); one that already has its item's price is left as is.
 */
export async function repriceActions(deps: Deps, actor: Actor, planId: string, input: RepriceRequest): Promise<RepriceResponse> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'plans', planId, 'plans:write', 'Plan');
    if (input.actionIds !== undefined) await assertActionsOfPlan(transaction, accountId, planId, input.actionIds);
    const chosen = input.actionIds === undefined ? undefined : new Set(input.actionIds);
    const candidates = (await findCandidates(transaction, accountId, planId, true)).filter((candidate) => chosen?.has(candidate.id) ?? true);
    if (candidates.length === 0) return { updated: 0 };
    const changeSetId = await openChangeSet(transaction, accountId, planId, 'reprice', actor);
    const prices = candidates.map(({ id, libraryUnitPrice, libraryPriceYear }) => ({ id, libraryUnitPrice, libraryPriceYear }));
    await sql`
      update actions a set unit_price = p."libraryUnitPrice", base_year = p."libraryPriceYear", updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(prices)}::jsonb) as p(id uuid, "libraryUnitPrice" numeric, "libraryPriceYear" integer)
      where a.account_id = ${accountId} and a.plan_id = ${planId} and a.id = p.id`.execute(transaction);
    return { updated: candidates.length, changeSetId };
  });
}

async function assertActionsOfPlan(db: Db, accountId: AccountId, planId: string, actionIds: string[]): Promise<void> {
  const unique = [...new Set(actionIds)];
  if (unique.length === 0) return;
  const row = await db
    .selectFrom('actions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('account_id', '=', accountId)
    .where('plan_id', '=', planId)
    .where('id', 'in', unique)
    .executeTakeFirstOrThrow();
  if (Number(row.count) !== unique.length) throw notFound('Action');
}

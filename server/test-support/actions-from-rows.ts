import { sql } from 'kysely';
import { categoryCodes } from '../../shared/categories.ts';
import type { ActionInput } from '../../shared/cost-model/index.ts';
import { actionsResponseSchema } from '../../shared/schemas/action.ts';
import type { Db } from '../db/database.ts';
import { actionColumns } from '../features/actions/actions.queries.ts';
import { withIsoTimestamps } from '../http/timestamps.ts';

// A plan's actions read the plain way, independent of the server's SQL-written JSON and its
// caches, for tests to compare the API with.

/** Categories in their display order, as the list sorts them. */
const listOrder = sql`array_position(${[...categoryCodes]}::text[], category)`;

/**
 * The actions list as the API must answer it: every column read by node-pg (numerics through `Number`,
 * timestamps through `Date`), checked by the response schema and stringified by JSON.stringify,
 * in the list's order (year, category display order, name, id).
 */
export async function actionsListFromRows(db: Db, planId: string): Promise<string> {
  const rows = await db
    .selectFrom('actions')
    .select(actionColumns)
    .where('plan_id', '=', planId)
    .orderBy('year')
    .orderBy(listOrder)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return JSON.stringify(actionsResponseSchema.parse(rows.map(withIsoTimestamps)));
}

/** The cost-model inputs, each column decoded by node-pg, in the list's order or by id. */
export async function costInputsFromRows(db: Db, planId: string, order: 'list' | 'id' = 'list'): Promise<ActionInput[]> {
  const query = db
    .selectFrom('actions')
    .select([
      'id',
      'category',
      'building_id as buildingId',
      'location_id as locationId',
      'quantity',
      'unit_price as unitPrice',
      'year',
      'interval_years as intervalYears',
      'status',
      'base_year as baseYear',
      'is_investment as isInvestment',
    ])
    .where('plan_id', '=', planId);
  return (order === 'list' ? query.orderBy('year').orderBy(listOrder).orderBy('name').orderBy('id') : query.orderBy('id')).execute();
}

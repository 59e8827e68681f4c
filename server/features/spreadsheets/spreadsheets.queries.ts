import { sql } from 'kysely';
import { categoryCodes, type CategoryCode } from '../../../shared/categories.ts';
import type { StatusCode } from '../../../shared/statuses.ts';
import type { Db } from '../../db/database.ts';
import type { ExportAction } from './build-export-workbook.ts';

/**
 * A plan's actions with their building's and location's names, in the order of the action list
 * (year, category in display order, name, id).
 */
export async function listExportActions(db: Db, accountId: string, planId: string): Promise<ExportAction[]> {
  const rows = await db
    .selectFrom('actions')
    .leftJoin('buildings', (join) => join.onRef('buildings.id', '=', 'actions.building_id').onRef('buildings.account_id', '=', 'actions.account_id'))
    .leftJoin('locations', (join) => join.onRef('locations.id', '=', 'actions.location_id').onRef('locations.account_id', '=', 'actions.account_id'))
    .select([
      'actions.id',
      'actions.name',
      'actions.category',
      'buildings.name as buildingName',
      'locations.name as locationName',
      'actions.quantity',
      'actions.unit',
      'actions.unit_price as unitPrice',
      'actions.year',
      'actions.interval_years as intervalYears',
      'actions.status',
      'actions.base_year as baseYear',
      'actions.is_investment as isInvestment',
      'actions.tags',
      'actions.note',
    ])
    .where('actions.account_id', '=', accountId)
    .where('actions.plan_id', '=', planId)
    .orderBy('actions.year')
    .orderBy(sql`array_position(${[...categoryCodes]}::text[], actions.category)`)
    .orderBy('actions.name')
    .orderBy('actions.id')
    .execute();
  return rows as ExportAction[];
}

/** One imported action's columns (the table's defaults fill the rest). */
export interface ImportedActionValues {
  building_id: string | null;
  location_id: string | null;
  name: string;
  category: CategoryCode;
  quantity: number;
  unit: string;
  unit_price: number;
  year: number;
  interval_years: number | null;
  status: StatusCode;
  base_year: number | null;
  is_investment: boolean;
  tags: string[];
  note: string;
}

/**
 * 1 000 rows × 14 columns is 14 000 parameters, well under PostgreSQL's 65 535 per statement; larger
 * batches did not make 10 000 rows faster (bench/README.md).
 */
const insertBatchSize = 1000;

/** Inserts the actions into the plan with one multi-row INSERT per batch; returns how many. */
export async function insertImportedActions(db: Db, accountId: string, plan: { propertyId: string; planId: string }, actions: readonly ImportedActionValues[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < actions.length; start += insertBatchSize) {
    const batch = actions.slice(start, start + insertBatchSize).map((values) => ({ ...values, account_id: accountId, property_id: plan.propertyId, plan_id: plan.planId }));
    const result = await db.insertInto('actions').values(batch).executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

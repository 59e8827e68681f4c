import type { TrashKind } from '../../../shared/schemas/trash.ts';

/** The plan-data tables a trash item may hold rows of, in the order a restore inserts them (parents first). */
export const trashTables = [
  'organisations',
  'properties',
  'buildings',
  'locations',
  'plans',
  'actions',
  'action_completions',
  'action_comments',
  'action_attachments',
] as const;
export type TrashTable = (typeof trashTables)[number];

/** The kinds that hold others. */
export type ParentKind = 'organisation' | 'property' | 'plan';

/** Each kind's table, and where it returns to: the column naming its parent and the parent's kind. */
export const trashKinds: Record<TrashKind, { table: TrashTable; parent: { column: string; kind: ParentKind } | null }> = {
  organisation: { table: 'organisations', parent: null },
  property: { table: 'properties', parent: { column: 'organisation_id', kind: 'organisation' } },
  building: { table: 'buildings', parent: { column: 'property_id', kind: 'property' } },
  location: { table: 'locations', parent: { column: 'property_id', kind: 'property' } },
  plan: { table: 'plans', parent: { column: 'property_id', kind: 'property' } },
  action: { table: 'actions', parent: { column: 'plan_id', kind: 'plan' } },
};

/**
 * The rows a foreign key deletes with a row of each table (ON DELETE CASCADE in
 * server/db/migrations/0003-maintenance-plans.ts): the child table and its column naming the parent.
 * Actions that name a deleted building or location are not among them: they stay, without it.
 */
export const cascadingChildren: Record<TrashTable, ReadonlyArray<{ table: TrashTable; column: string }>> = {
  organisations: [{ table: 'properties', column: 'organisation_id' }],
  properties: [
    { table: 'buildings', column: 'property_id' },
    { table: 'locations', column: 'property_id' },
    { table: 'plans', column: 'property_id' },
  ],
  buildings: [],
  locations: [],
  plans: [{ table: 'actions', column: 'plan_id' }],
  actions: [
    { table: 'action_completions', column: 'action_id' },
    { table: 'action_comments', column: 'action_id' },
    { table: 'action_attachments', column: 'action_id' },
  ],
  action_completions: [],
  action_comments: [],
  action_attachments: [],
};

/**
 * Columns of copied rows that point outside the copy and may point at nothing by the time of a
 * restore: they are restored as null then (the database would clear them the same way on delete).
 */
export const clearableReferences: Partial<Record<TrashTable, ReadonlyArray<{ column: string; table: 'users' | 'buildings' | 'locations' | 'library_items' }>>> =
  {
    actions: [
      { column: 'building_id', table: 'buildings' },
      { column: 'location_id', table: 'locations' },
      { column: 'library_item_id', table: 'library_items' },
    ],
    action_completions: [{ column: 'completed_by', table: 'users' }],
    action_comments: [{ column: 'author_id', table: 'users' }],
    action_attachments: [{ column: 'uploaded_by', table: 'users' }],
  };

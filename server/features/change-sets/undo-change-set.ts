import type { UndoChangeSetResponse } from '../../../shared/schemas/history.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { isForeignKeyViolation } from '../../db/postgres-errors.ts';
import { actionChangeColumns, planChangeColumns } from '../../plan-history/change-columns.ts';
import { openChangeSet } from '../../plan-history/change-sets.ts';
import { recordChangesBy } from '../../plan-history/record-changes.ts';
import { moveActionsToTrash } from '../trash/move-to-trash.ts';
import { restoreTrashItems } from '../trash/restore-trash-items.ts';
import * as queries from './change-sets.queries.ts';

const what = 'Change set';

type RecordedChange = Awaited<ReturnType<typeof queries.listChangesOfSet>>[number];
type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/**
 * Undoes a change set (a bulk change or delete, an import, a roll-forward, a version restore) in
 * one transaction, as a change set of its own: actions it deleted come back from the trash, actions
 * it changed get their earlier values back, actions it created move to the trash, and the plan's
 * settings it changed are set back. Refused with
 * 409 `conflict` when anything else changed the same actions (or the same plan settings) since,
 * naming those actions in `details`, because undoing would silently overwrite that later work.
 */
export async function undoChangeSet(deps: Deps, actor: Actor, changeSetId: string): Promise<UndoChangeSetResponse> {
  try {
    return await deps.db.transaction().execute(async (transaction) => {
      const accountId = await requireRowPermission(transaction, actor, 'change_sets', changeSetId, 'plans:write', what);
      const changeSet = await queries.findChangeSetForUpdate(transaction, accountId, changeSetId);
      if (!changeSet) throw notFound(what);
      if (changeSet.undoneAt !== null) throw new AppError('conflict', 'This change has already been undone.');
      if (!(await queries.lockPlan(transaction, accountId, changeSet.planId))) {
        throw new AppError('conflict', 'The plan of this change is in the trash: restore the plan first.');
      }
      const changes = await queries.listChangesOfSet(transaction, accountId, changeSetId);
      await refuseWhenChangedSince(transaction, accountId, changeSet.planId, changeSetId, changes);

      const undoId = await openChangeSet(transaction, accountId, changeSet.planId, 'undo', actor);
      const created = changes.filter((change) => change.operation === 'insert').map((change) => change.actionId!);
      const deletedCount = changes.filter((change) => change.operation === 'delete').length;
      if (deletedCount > 0) {
        const trashed = await queries.listTrashItemsOfChangeSet(transaction, accountId, changeSetId);
        if (trashed.length < deletedCount) {
          throw new AppError('conflict', 'Some of the actions this change deleted are no longer in the trash (restored or purged since).');
        }
        await recordChangesBy(transaction, actor, { changeSetId: undoId, kind: 'restored' });
        await restoreTrashItems(transaction, accountId, trashed);
        await recordChangesBy(transaction, actor, { changeSetId: undoId });
      }
      // Actions the set created are removed rather than set back.
      const createdIds = new Set(created);
      const actionValues = valuesBefore(changes, actionChangeColumns, (change) =>
        change.actionId === null || createdIds.has(change.actionId) ? undefined : change.actionId,
      );
      const planValues = valuesBefore(changes, planChangeColumns, (change) => (change.actionId === null ? planKey : undefined));
      await queries.setActionColumns(transaction, accountId, changeSet.planId, actionValues);
      await queries.setPlanColumns(transaction, accountId, changeSet.planId, planValues.get(planKey) ?? {});
      if (created.length > 0) await moveActionsToTrash(transaction, accountId, created, actor, undoId);
      await queries.markUndone(transaction, accountId, changeSetId, actor.userId);
      return { changeSetId: undoId };
    });
  } catch (error) {
    // A building, location or library item the earlier values point at was deleted since.
    if (isForeignKeyViolation(error)) {
      throw new AppError(
        'conflict',
        'A building, location or library item this change used has been deleted since: restore a building or location from the trash first, or link the actions again.',
      );
    }
    throw error;
  }
}

const planKey = 'plan';

async function refuseWhenChangedSince(
  transaction: Parameters<typeof queries.listChangesOfSet>[0],
  accountId: Parameters<typeof queries.listChangesOfSet>[1],
  planId: string,
  changeSetId: string,
  changes: readonly RecordedChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const lastId = changes[changes.length - 1]!.id;
  const actionIds = [...new Set(changes.flatMap((change) => (change.actionId === null ? [] : [change.actionId])))];
  const planFields = [...new Set(changes.filter((change) => change.actionId === null).flatMap((change) => Object.keys(change.changes as FieldChanges)))];
  const actions = actionIds.length === 0 ? [] : await queries.listActionsChangedSince(transaction, accountId, planId, changeSetId, lastId, actionIds);
  const planSettings = planFields.length > 0 && (await queries.hasPlanSettingsChangedSince(transaction, accountId, planId, lastId, planFields));
  if (actions.length === 0 && !planSettings) return;
  const named = actions.slice(0, 5).map((action) => action.name);
  const more = actions.length > named.length ? ` and ${actions.length - named.length} more` : '';
  const message = [
    actions.length > 0 ? `${actions.length} of the changed actions have been changed since (${named.join(', ')}${more})` : null,
    planSettings ? 'the plan settings it changed have been changed since' : null,
  ]
    .filter((part) => part !== null)
    .join('; ');
  throw new AppError('conflict', `Cannot undo: ${message}. Undoing would overwrite that later work.`, undefined, undefined, {
    actions: actions.map((action) => ({ id: action.id, name: action.name })),
    planSettings,
  });
}

/**
 * For each row the change set updated (keyed by `keyOf`; changes it skips are left out), the value
 * each changed column had before the set: the "from" of the first recorded change of that field.
 */
function valuesBefore(
  changes: readonly RecordedChange[],
  columns: Readonly<Record<string, string>>,
  keyOf: (change: RecordedChange) => string | undefined,
): Map<string, Record<string, unknown>> {
  const targets = new Map<string, Record<string, unknown>>();
  for (const change of changes) {
    const key = change.operation === 'update' ? keyOf(change) : undefined;
    if (key === undefined) continue;
    const values = targets.get(key) ?? {};
    for (const [field, { from }] of Object.entries(change.changes as FieldChanges)) {
      const column = columns[field];
      if (column !== undefined && !(column in values)) values[column] = from;
    }
    targets.set(key, values);
  }
  return targets;
}

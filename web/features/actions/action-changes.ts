import type { Action, UpdateActionRequest } from '../../../shared/schemas/action.ts';
import type { ActionFormValues } from './action-form-schema.ts';

const editableFields = [
  'name',
  'category',
  'buildingId',
  'locationId',
  'quantity',
  'unit',
  'unitPrice',
  'year',
  'intervalYears',
  'status',
  'baseYear',
  'isInvestment',
  'tags',
  'note',
  'libraryItemId',
] as const satisfies readonly (keyof ActionFormValues & keyof Action)[];

/**
 * Only the fields the person changed, so a save does not overwrite what someone else changed
 * meanwhile in another field (the PATCH of docs/product/api.md § Actions changes the given
 * fields only).
 */
export function changedActionFields(action: Action, values: ActionFormValues): UpdateActionRequest {
  const changes: Record<string, unknown> = {};
  for (const field of editableFields) {
    if (!isSame(action[field], values[field])) changes[field] = values[field];
  }
  return changes as UpdateActionRequest;
}

function isSame(before: unknown, after: unknown): boolean {
  if (Array.isArray(before) && Array.isArray(after)) {
    return before.length === after.length && before.every((item, index) => item === after[index]);
  }
  return before === after;
}

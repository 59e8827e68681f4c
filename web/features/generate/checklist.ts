import type { GenerateComponent } from '../../../shared/schemas/library.ts';
import { quantitySchema } from '../../../shared/schemas/action.ts';
import { yearSchema } from '../../../shared/schemas/common.ts';
import { nullableNumberField } from '../../lib/forms/form-values.ts';

/**
 * What the inspector has ticked: one entry per component and building, holding the two optional
 * fields as typed (Swedish or English numbers), so nothing typed is lost while it is still wrong.
 */
export interface ChecklistEntry {
  componentId: string;
  /** Null: the property has no buildings, the "Ingen byggnad" column. */
  buildingId: string | null;
  lastDoneYear: string;
  quantity: string;
}

export type Checklist = ReadonlyMap<string, ChecklistEntry>;
export type ChecklistField = 'lastDoneYear' | 'quantity';

/** A validation message key (shared/i18n/validation-messages.ts) per field of an entry that is wrong. */
export type ChecklistErrors = ReadonlyMap<string, Partial<Record<ChecklistField, string>>>;

export const emptyChecklist: Checklist = new Map();

export function checklistKey(componentId: string, buildingId: string | null): string {
  return `${componentId}/${buildingId ?? 'none'}`;
}

export function toggleEntry(checklist: Checklist, componentId: string, buildingId: string | null, isTicked: boolean): Checklist {
  const key = checklistKey(componentId, buildingId);
  const next = new Map(checklist);
  if (isTicked) next.set(key, checklist.get(key) ?? { componentId, buildingId, lastDoneYear: '', quantity: '' });
  else next.delete(key);
  return next;
}

export function changeEntry(checklist: Checklist, key: string, field: ChecklistField, text: string): Checklist {
  const entry = checklist.get(key);
  if (!entry) return checklist;
  return new Map(checklist).set(key, { ...entry, [field]: text });
}

const lastDoneYearField = nullableNumberField(yearSchema);
const quantityField = nullableNumberField(quantitySchema);

/**
 * The request's components, or the field errors, checked with the API's own schemas and its rule
 * that a part cannot have been done after `thisYear`: a blank field is left out (no last-done year:
 * the plan's start year; no quantity: 0, to be measured).
 */
export function checklistRequest(checklist: Checklist, thisYear: number): { components: GenerateComponent[]; errors: ChecklistErrors } {
  const components: GenerateComponent[] = [];
  const errors = new Map<string, Partial<Record<ChecklistField, string>>>();
  for (const [key, entry] of checklist) {
    const year = lastDoneYearField.safeParse(entry.lastDoneYear);
    const quantity = quantityField.safeParse(entry.quantity);
    const yearError = !year.success
      ? (year.error.issues[0]?.message ?? 'field.invalid')
      : year.data !== null && year.data > thisYear
        ? 'library.last_done_in_future'
        : undefined;
    if (!year.success || yearError !== undefined || !quantity.success) {
      errors.set(key, {
        ...(yearError === undefined ? {} : { lastDoneYear: yearError }),
        ...(quantity.success ? {} : { quantity: quantity.error.issues[0]?.message ?? 'field.invalid' }),
      });
      continue;
    }
    components.push({
      componentId: entry.componentId,
      ...(entry.buildingId === null ? {} : { buildingId: entry.buildingId }),
      ...(year.data === null ? {} : { lastDoneYear: year.data }),
      ...(quantity.data === null ? {} : { quantity: quantity.data }),
    });
  }
  return { components, errors };
}

/**
 * The API's field errors of a request built from `checklist` (`components.3.lastDoneYear`: the
 * fourth entry's year, say) as errors beside the entries' fields; other fields are ignored.
 */
export function checklistErrorsFromApi(checklist: Checklist, fieldCodes: Readonly<Record<string, string>>): ChecklistErrors {
  const keys = [...checklist.keys()];
  const errors = new Map<string, Partial<Record<ChecklistField, string>>>();
  for (const [path, code] of Object.entries(fieldCodes)) {
    const match = /^components\.(\d+)\.(lastDoneYear|quantity)$/.exec(path);
    const key = match ? keys[Number(match[1])] : undefined;
    if (!match || key === undefined) continue;
    errors.set(key, { ...errors.get(key), [match[2] as ChecklistField]: code });
  }
  return errors;
}

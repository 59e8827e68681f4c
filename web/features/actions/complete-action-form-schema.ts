import { z } from 'zod';
import { noteSchema, type Action, type CompleteActionRequest } from '../../../shared/schemas/action.ts';
import { amountSchema, yearSchema } from '../../../shared/schemas/common.ts';
import { nullableNumberField, numberField } from '../../lib/forms/form-values.ts';

/** The "mark done" dialog's fields, checked with the API's rules: the year is asked for, the cost optional. */
export const completeActionFormSchema = z.object({
  year: numberField(yearSchema),
  actualCost: nullableNumberField(amountSchema),
  note: z.preprocess((value) => value ?? '', noteSchema),
}) satisfies z.ZodType<CompleteActionRequest, unknown>;

/**
 * The year the due occurrence falls in (docs/product/cost-model.md § Occurrences, rule 1), the
 * dialog's default: the action's year, or a year + interval later when its current occurrence is
 * already done.
 */
export function dueYearOf(action: Pick<Action, 'year' | 'intervalYears' | 'status'>): number {
  return action.status === 'done' && action.intervalYears !== null ? action.year + action.intervalYears : action.year;
}

/** A done one-off action has nothing left to complete (the server answers 409). */
export function canBeCompleted(action: Pick<Action, 'intervalYears' | 'status'>): boolean {
  return !(action.intervalYears === null && action.status === 'done');
}

/**
 * What completing in `year` does (the server's rule): a recurring action is next due `year +
 * interval`, planned; a one-off becomes done in `year`.
 */
export function outcomeOfCompletion(action: Pick<Action, 'intervalYears'>, year: number): { status: 'planned' | 'done'; year: number } {
  return action.intervalYears === null ? { status: 'done', year } : { status: 'planned', year: year + action.intervalYears };
}

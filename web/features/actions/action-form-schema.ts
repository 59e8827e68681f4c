import { z } from 'zod';
import {
  actionNameSchema,
  intervalYearsSchema,
  noteSchema,
  quantitySchema,
  tagsSchema,
  unitSchema,
  type Action,
  type CreateActionRequest,
} from '../../../shared/schemas/action.ts';
import { categorySchema } from '../../../shared/schemas/category.ts';
import { amountSchema, idSchema, yearSchema } from '../../../shared/schemas/common.ts';
import { statusSchema } from '../../../shared/schemas/status.ts';
import { checkboxField, nullableNumberField, numberField } from '../../lib/forms/form-values.ts';

/** A select's empty choice ("choose…") is a missing value, so it reads "required", not "invalid". */
const blankAsMissing = (value: unknown) => (value === '' ? undefined : value);

/** "None" in the building and location selects is the empty value. */
const optionalIdField = z.preprocess((value) => (value === '' || value === undefined ? null : value), idSchema.nullable());

/** The interval field is only in the form while "recurring" is ticked. */
const intervalField = z.preprocess((value) => value ?? null, nullableNumberField(intervalYearsSchema));

/**
 * Tags are chips kept in React state and sent as one hidden field holding a JSON array, since
 * FormData turned into an object keeps only the last of several same-named fields.
 */
const tagsField = z.preprocess((value) => {
  if (typeof value !== 'string' || value === '') return [];
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}, tagsSchema);

/**
 * The action form's fields as strings (FormData) checked with the API's own schemas and messages,
 * so client and server speak alike. Output: exactly a create request; the edit form diffs it
 * against the action (`changedActionFields`).
 */
export const actionFormSchema = z
  .object({
    name: actionNameSchema,
    category: z.preprocess(blankAsMissing, categorySchema),
    buildingId: optionalIdField,
    locationId: optionalIdField,
    quantity: numberField(quantitySchema),
    unit: unitSchema,
    unitPrice: numberField(amountSchema),
    year: numberField(yearSchema),
    isRecurring: checkboxField,
    intervalYears: intervalField,
    status: z.preprocess(blankAsMissing, statusSchema),
    baseYear: nullableNumberField(yearSchema),
    isInvestment: checkboxField,
    tags: tagsField,
    note: z.preprocess((value) => value ?? '', noteSchema),
    /** A hidden field: the library item the action is linked to, kept as it is unless changed. */
    libraryItemId: optionalIdField,
  })
  // `when`: also checked while other fields are invalid, so one submit shows every message.
  .refine((fields) => !(fields.isRecurring && fields.intervalYears === null), {
    path: ['intervalYears'],
    message: 'field.required',
    when: ({ value }) => typeof value === 'object' && value !== null,
  })
  .transform(({ isRecurring, intervalYears, ...fields }): Required<CreateActionRequest> => ({
    ...fields,
    intervalYears: isRecurring ? intervalYears : null,
  }));

export type ActionFormValues = z.output<typeof actionFormSchema>;

/** What the form starts with: a new action's defaults, or the action being edited. */
export interface ActionFormDefaults {
  name: string;
  category: string;
  buildingId: string;
  locationId: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  year: string;
  isRecurring: boolean;
  intervalYears: string;
  status: string;
  baseYear: string;
  isInvestment: boolean;
  tags: string[];
  note: string;
  libraryItemId: string;
}

/**
 * A new action: the plan's start year, planned, one-off, in pieces; category, building and location
 * carried over when the person is entering a series of similar actions.
 */
export function newActionDefaults(
  startYear: number,
  carried: Partial<Pick<ActionFormDefaults, 'category' | 'buildingId' | 'locationId'>> = {},
): ActionFormDefaults {
  return {
    name: '',
    category: carried.category ?? '',
    buildingId: carried.buildingId ?? '',
    locationId: carried.locationId ?? '',
    quantity: '',
    unit: 'st',
    unitPrice: '',
    year: String(startYear),
    isRecurring: false,
    intervalYears: '',
    status: 'planned',
    baseYear: '',
    isInvestment: false,
    tags: [],
    note: '',
    libraryItemId: '',
  };
}

/**
 * The action as the form shows it. Numbers are written without grouping and with a decimal comma
 * in Swedish, so what the person sees is also what parses back unchanged.
 */
export function actionFormDefaultsOf(action: Action, decimalSeparator: ',' | '.'): ActionFormDefaults {
  const number = (value: number) => String(value).replace('.', decimalSeparator);
  return {
    name: action.name,
    category: action.category,
    buildingId: action.buildingId ?? '',
    locationId: action.locationId ?? '',
    quantity: number(action.quantity),
    unit: action.unit,
    unitPrice: number(action.unitPrice),
    year: String(action.year),
    isRecurring: action.intervalYears !== null,
    intervalYears: action.intervalYears === null ? '' : String(action.intervalYears),
    status: action.status,
    baseYear: action.baseYear === null ? '' : String(action.baseYear),
    isInvestment: action.isInvestment,
    tags: [...action.tags],
    note: action.note,
    libraryItemId: action.libraryItemId ?? '',
  };
}

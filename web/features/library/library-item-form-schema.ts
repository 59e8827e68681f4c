import { z } from 'zod';
import { actionNameSchema, unitSchema } from '../../../shared/schemas/action.ts';
import { categorySchema } from '../../../shared/schemas/category.ts';
import { amountSchema, idSchema, yearSchema } from '../../../shared/schemas/common.ts';
import {
  libraryItemKindSchema,
  librarySourceSchema,
  lifetimeYearsSchema,
  type CreateLibraryItemRequest,
  type LibraryItem,
} from '../../../shared/schemas/library.ts';
import { numberField } from '../../lib/forms/form-values.ts';

/** A select's empty choice ("choose…") is a missing value, so it reads "required", not "invalid". */
const blankAsMissing = (value: unknown) => (value === '' ? undefined : value);

/**
 * The item form's fields as strings (FormData) checked with the API's own schemas and messages.
 * `name` is the Swedish name, or the one name for both languages when `nameEn` is blank. Output:
 * exactly a create request (a PATCH sends the same fields: the form edits all of them).
 */
export const libraryItemFormSchema = z
  .object({
    name: actionNameSchema,
    nameEn: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), actionNameSchema.optional()),
    category: z.preprocess(blankAsMissing, categorySchema),
    unit: unitSchema,
    lifetimeYears: numberField(lifetimeYearsSchema),
    unitPrice: numberField(amountSchema),
    priceYear: numberField(yearSchema),
    source: z.preprocess((value) => value ?? '', librarySourceSchema),
    kind: z.preprocess(blankAsMissing, libraryItemKindSchema),
    replacesItemId: z.preprocess((value) => (value === '' || value === undefined ? null : value), idSchema.nullable()),
  })
  .transform(({ name, nameEn, ...fields }): Required<CreateLibraryItemRequest> => ({
    ...fields,
    name: nameEn === undefined ? name : { sv: name, en: nameEn },
  }));

export type LibraryItemFormValues = z.output<typeof libraryItemFormSchema>;

/** What the form starts with, as the strings its fields hold. */
export interface LibraryItemFormDefaults {
  name: string;
  nameEn: string;
  category: string;
  unit: string;
  lifetimeYears: string;
  unitPrice: string;
  priceYear: string;
  source: string;
  kind: string;
  replacesItemId: string;
}

export function newLibraryItemDefaults(currentYear: number): LibraryItemFormDefaults {
  return {
    name: '',
    nameEn: '',
    category: '',
    unit: 'st',
    lifetimeYears: '',
    unitPrice: '',
    priceYear: String(currentYear),
    source: '',
    kind: 'replace',
    replacesItemId: '',
  };
}

/**
 * An item as the form shows it: the account's item to edit, or a built-in one to replace (then the
 * new item points at it). The English name is shown only where it differs from the Swedish one, so
 * an item with one name keeps one name. Numbers use the language's decimal separator.
 */
export function libraryItemFormDefaultsOf(item: LibraryItem, decimalSeparator: ',' | '.', purpose: 'edit' | 'replace'): LibraryItemFormDefaults {
  return {
    name: item.name.sv,
    nameEn: item.name.en === item.name.sv ? '' : item.name.en,
    category: item.category,
    unit: item.unit,
    lifetimeYears: String(item.lifetimeYears),
    unitPrice: String(item.unitPrice).replace('.', decimalSeparator),
    priceYear: String(item.priceYear),
    source: item.source,
    kind: item.kind,
    replacesItemId: purpose === 'replace' ? item.id : (item.replacesItemId ?? ''),
  };
}

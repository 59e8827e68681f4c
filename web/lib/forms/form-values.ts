import { z } from 'zod';

/**
 * Form fields arrive as strings (FormData); the API's schemas want numbers, nulls and booleans.
 * These wrap a shared schema so a form validates with exactly the API's rules and messages.
 */

/**
 * A number typed by a person, Swedish or English style: "1 234,50", "1234.50", "1.234,50",
 * "1,234.50". Spaces (also no-break ones) group digits; when both separators appear the last one
 * is the decimal separator; a lone comma or point is the decimal separator. Blank → undefined;
 * anything else that is not a number → NaN, which the number schemas reject as invalid.
 */
export function parseNumberInput(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  if (compact === '') return undefined;
  const lastComma = compact.lastIndexOf(',');
  const lastPoint = compact.lastIndexOf('.');
  const decimalSeparator = lastComma > lastPoint ? ',' : '.';
  const groupSeparator = decimalSeparator === ',' ? '.' : ',';
  const integerPart = compact.slice(0, Math.max(lastComma, lastPoint) === -1 ? undefined : Math.max(lastComma, lastPoint));
  const hasOneDecimalSeparator = compact.split(decimalSeparator).length <= 2;
  const normalised = compact.split(groupSeparator).join('').replace(decimalSeparator, '.');
  if (!hasOneDecimalSeparator || integerPart.includes(decimalSeparator) || !/^-?(\d+\.?\d*|\.\d+)$/.test(normalised)) {
    return Number.NaN;
  }
  return Number(normalised);
}

/** A required number field: blank → "required", text → "invalid", then `schema`'s own rules. */
export function numberField<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (typeof value === 'string' ? parseNumberInput(value) : value), schema);
}

/** An optional number field whose blank means null (no interval, no base year, no area). */
export function nullableNumberField<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    return parseNumberInput(value) ?? null;
  }, schema.nullable());
}

/** A checkbox: FormData holds "on" when it is ticked and nothing when it is not. */
export const checkboxField = z.preprocess((value) => value === 'on' || value === true, z.boolean());

/** A text field whose blank means null (optional property facts). */
export function nullableTextField<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), schema.nullable());
}

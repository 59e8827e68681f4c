import type { z } from 'zod';
import { issuesToFieldCodes } from '../../shared/validation-issues.ts';
import { idSchema } from '../../shared/schemas/common.ts';
import { AppError, notFound } from './app-error.ts';

/** Validates a request body (or query) with a shared zod schema; failures become a 400 with field codes. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  // reportInput lets issuesToFieldCodes tell a missing value (required) from a wrong one (invalid).
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (!result.success) {
    throw new AppError('validation', 'Invalid input', issuesToFieldCodes(result.error.issues));
  }
  return result.data;
}

/**
 * Ids in paths that are not UUIDs cannot exist, so they answer 404 like any unknown id
 * (and never reach PostgreSQL, where they would be a type error).
 */
export function parseId(value: unknown, what = 'Resource'): string {
  const result = idSchema.safeParse(value);
  if (!result.success) throw notFound(what);
  return result.data;
}

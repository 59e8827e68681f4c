import type { z } from 'zod';
import { isValidationMessageKey, type ValidationMessageKey } from './i18n/validation-messages.ts';

/**
 * Turns zod issues into `{ "<dot.path>": messageKey }`, first issue per path. Our schemas carry
 * message keys; zod's own messages (wrong type, unknown key…) fall back to a generic key by issue code.
 */
export function issuesToFieldCodes(issues: readonly z.core.$ZodIssue[]): Record<string, ValidationMessageKey> {
  const fields: Record<string, ValidationMessageKey> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      // Reported on each unknown key, so a client sees exactly which field to drop.
      for (const key of issue.keys) fields[[...issue.path, key].map(String).join('.')] ??= 'field.unknown';
      continue;
    }
    const path = issue.path.map(String).join('.') || '_';
    if (path in fields) continue;
    fields[path] = isValidationMessageKey(issue.message) ? issue.message : genericKey(issue);
  }
  return fields;
}

function genericKey(issue: z.core.$ZodIssue): ValidationMessageKey {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'field.required' : 'field.invalid';
    case 'too_small':
      return 'field.too_small';
    case 'too_big':
      return 'field.too_big';
    default:
      return 'field.invalid';
  }
}

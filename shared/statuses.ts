import type { Language } from './i18n/language.ts';

/**
 * The statuses of a maintenance action (docs/product/domain.md § Action statuses), in display
 * order. The codes are API values and stored in actions.status (its CHECK constraint lists the same
 * codes): never rename one.
 */
export const statusCodes = ['draft', 'planned', 'urgent', 'deferred', 'done'] as const;
export type StatusCode = (typeof statusCodes)[number];

export const statusNames = {
  draft: { sv: 'Utkast', en: 'Draft' },
  planned: { sv: 'Planerad', en: 'Planned' },
  urgent: { sv: 'Akut', en: 'Urgent' },
  deferred: { sv: 'Eftersatt', en: 'Deferred' },
  done: { sv: 'Genomförd', en: 'Done' },
} as const satisfies Record<StatusCode, Record<Language, string>>;

export interface Status {
  code: StatusCode;
  sv: string;
  en: string;
}

/** Every status with its names, in display order. */
export const statuses: readonly Status[] = statusCodes.map((code) => ({ code, ...statusNames[code] }));

export function isStatusCode(value: string): value is StatusCode {
  return (statusCodes as readonly string[]).includes(value);
}

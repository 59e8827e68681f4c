import type { Language } from '../../../shared/i18n/language.ts';

const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** A calendar date for people, e.g. "3 dec. 2025" / "3 Dec 2025"; `isoTimestamp` as the API sends it. */
export function formatDate(isoTimestamp: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium' }).format(new Date(isoTimestamp));
}

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];
/** Swedish is the primary language of the product. */
export const defaultLanguage: Language = 'sv';

/** Picks sv or en from an Accept-Language header value; the first supported tag wins. */
export function pickLanguage(acceptLanguage: string | undefined, fallback: Language = 'en'): Language {
  if (!acceptLanguage) return fallback;
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    const primary = tag.split('-')[0];
    if (primary === 'sv' || primary === 'en') return primary;
  }
  return fallback;
}

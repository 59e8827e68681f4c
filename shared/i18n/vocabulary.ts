import type { Language } from './language.ts';

/**
 * One word for one thing on every screen, in the spreadsheets and in the PDF. Tags — the free
 * labels on an action, such as a project number or an account — are "tagg"/"taggar" in Swedish and
 * "tag"/"tags" in English. The words below have named them too and must not come back: the tests
 * of every text catalogue look for them. The spreadsheet import still reads them as column headers,
 * so files written before keep importing.
 */
const otherWordsForTags: Record<Language, RegExp> = {
  sv: /etikett|märkning|märkord|nyckelord/i,
  en: /\blabels?\b|\bmarkings?\b|\bkeywords?\b/i,
};

/** The texts of `texts` (key → text) that call tags by another word, as "key: text"; placeholders aside. */
export function findOtherWordsForTags(texts: Readonly<Record<string, string>>, language: Language): string[] {
  return Object.entries(texts)
    .filter(([, text]) => otherWordsForTags[language].test(text.replace(/\{\w+\}/g, '')))
    .map(([key, text]) => `${key}: ${text}`);
}

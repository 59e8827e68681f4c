/**
 * A feature's own messages in both languages, kept beside its components so features can grow
 * without touching one shared file. The English half is typed against the Swedish one: a missing
 * or extra key fails the type check. `sv.ts` and `en.ts` spread every feature's halves.
 */
export function defineMessages<const Swedish extends Record<string, string>>(
  sv: Swedish,
  en: Record<keyof Swedish, string>,
): { sv: Swedish; en: Record<keyof Swedish, string> } {
  return { sv, en };
}

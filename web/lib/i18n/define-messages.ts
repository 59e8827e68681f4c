/**
 * One part's own messages in both languages (a feature's, or lib's own), kept beside its
 * components so features can grow without touching one shared file. The English half is typed
 * against the Swedish one: a missing or extra key fails the type check. The app's catalogue
 * (web/app/messages/) spreads every part's halves.
 */
export function defineMessages<const Swedish extends Record<string, string>>(
  sv: Swedish,
  en: Record<keyof Swedish, string>,
): { sv: Swedish; en: Record<keyof Swedish, string> } {
  return { sv, en };
}

/** The keys of one part's messages: `Translate<MessageKeyOf<…>>` for a function that needs only those. */
export type MessageKeyOf<Messages extends { sv: Record<string, string> }> = keyof Messages['sv'] & string;

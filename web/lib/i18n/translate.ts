import type { Language } from '../../../shared/i18n/language.ts';

/**
 * Filled by the app through declaration merging where it assembles its catalogue
 * (web/app/messages/catalogues.ts: `catalogue: typeof sv`), so the translator checks every key
 * without lib importing the features whose messages the catalogue holds (as TanStack Router's
 * `Register` learns the app's routes).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging fills it
export interface Register {}

type RegisteredCatalogue = Register extends { catalogue: infer Catalogue extends Record<string, string> } ? Catalogue : Record<string, string>;

export type MessageKey = keyof RegisteredCatalogue & string;
export type MessageParams = Record<string, string | number>;
/** A translator; a function that needs only some messages (and its tests) may ask for those keys. */
export type Translate<Key extends string = MessageKey> = (key: Key, params?: MessageParams) => string;
export type Catalogue = Readonly<Record<MessageKey, string>>;
export type Catalogues = Readonly<Record<Language, Catalogue>>;

/** Replaces `{name}` placeholders; an unknown placeholder stays visible so it is noticed. */
export function createTranslator<Key extends string>(catalogue: Readonly<Record<Key, string>>): Translate<Key> {
  return (key, params) => catalogue[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => String(params?.[name] ?? placeholder));
}

import type { Language } from '../../../shared/i18n/language.ts';
import { en } from './en.ts';
import { sv } from './sv.ts';

export type MessageKey = keyof typeof sv;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Language, Record<MessageKey, string>> = { sv, en };

/** Replaces `{name}` placeholders; an unknown placeholder stays visible so it is noticed. */
export function createTranslator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => String(params?.[name] ?? placeholder));
}

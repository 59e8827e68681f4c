import { defaultLanguage, languages, type Language } from '../../../shared/i18n/language.ts';

/**
 * The chosen language lives outside React so the API client can send it as Accept-Language;
 * components read it through useTranslation (useSyncExternalStore).
 */
const storageKey = 'kvarter.language';
const listeners = new Set<() => void>();
let currentLanguage: Language = readStoredLanguage();

export function getLanguage(): Language {
  return currentLanguage;
}

export function setLanguage(language: Language): void {
  currentLanguage = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Storage can be unavailable (private mode, tests); the choice then lasts for this page only.
  }
  for (const listener of listeners) listener();
}

export function subscribeToLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isLanguage(value: unknown): value is Language {
  return languages.some((language) => language === value);
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

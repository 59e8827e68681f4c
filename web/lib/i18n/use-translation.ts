import { useMemo, useSyncExternalStore } from 'react';
import { getLanguage, setLanguage, subscribeToLanguage } from './language-store.ts';
import { createTranslator } from './translate.ts';

export function useTranslation() {
  const language = useSyncExternalStore(subscribeToLanguage, getLanguage);
  const t = useMemo(() => createTranslator(language), [language]);
  return { language, setLanguage, t };
}

import { useContext, useMemo, useSyncExternalStore } from 'react';
import { CataloguesContext } from './catalogues-context.ts';
import { getLanguage, setLanguage, subscribeToLanguage } from './language-store.ts';
import { createTranslator } from './translate.ts';

export function useTranslation() {
  const catalogues = useContext(CataloguesContext);
  if (catalogues === undefined) throw new Error('useTranslation needs the CataloguesContext that web/app/main.tsx provides');
  const language = useSyncExternalStore(subscribeToLanguage, getLanguage);
  const t = useMemo(() => createTranslator(catalogues[language]), [catalogues, language]);
  return { language, setLanguage, t };
}

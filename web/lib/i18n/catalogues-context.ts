import { createContext } from 'react';
import type { Catalogues } from './translate.ts';

/**
 * The app's message catalogues, given at the root (web/app/main.tsx), since lib cannot import
 * the features whose messages they hold.
 */
export const CataloguesContext = createContext<Catalogues | undefined>(undefined);

import type { Catalogues } from '../../lib/i18n/translate.ts';
import { en } from './en.ts';
import { sv } from './sv.ts';

/** Every text of the app in both languages, given to lib's translator at the root (main.tsx). */
export const catalogues: Catalogues = { sv, en };

// Tells lib's translator the keys: `t('no.such.key')` fails the type check anywhere in web/.
declare module '../../lib/i18n/translate.ts' {
  interface Register {
    catalogue: typeof sv;
  }
}

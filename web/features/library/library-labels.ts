import { categoryNames, isCategoryCode } from '../../../shared/categories.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import type { LibraryItem } from '../../../shared/schemas/library.ts';
import type { SelectOption } from '../../components/ui/select-field.tsx';

/**
 * Category names from the shared list rather than from the actions feature, which builds on this
 * one (its suggestions read the library): features import each other in one direction only.
 */
export function libraryCategoryName(code: string, language: Language): string {
  return isCategoryCode(code) ? categoryNames[code][language] : code;
}

export function libraryCategoryOptions(language: Language): SelectOption[] {
  return Object.entries(categoryNames).map(([code, names]) => ({ value: code, label: names[language] }));
}

/** Built-in, the account's own, or the account's own price for a built-in item. */
export function originOf(item: LibraryItem): 'builtin' | 'account' | 'replacement' {
  if (item.origin === 'builtin') return 'builtin';
  return item.replacesItemId === null ? 'account' : 'replacement';
}

import { libraryItemKinds, type LibraryItemKind } from '../../../shared/schemas/library.ts';
import { requiredLibraryImportFields, type LibraryImportField } from '../../../shared/schemas/library-spreadsheet.ts';
import type { SheetLayout } from '../spreadsheets/read-sheet-frame.ts';
import { createHeaderMatcher, normaliseHeader } from '../spreadsheets/spreadsheet-headers.ts';

/** The headers the library export writes: Swedish on the first header row, English on the second. */
export const libraryFieldHeaders: Record<LibraryImportField, { sv: string; en: string }> = {
  name: { sv: 'Namn', en: 'Name' },
  nameEn: { sv: 'Namn (engelska)', en: 'Name (English)' },
  category: { sv: 'Kategori', en: 'Category' },
  unit: { sv: 'Enhet', en: 'Unit' },
  lifetimeYears: { sv: 'Livslängd (år)', en: 'Lifetime (years)' },
  unitPrice: { sv: 'À-pris', en: 'Unit price' },
  priceYear: { sv: 'Prisår', en: 'Price year' },
  source: { sv: 'Källa', en: 'Source' },
  kind: { sv: 'Typ', en: 'Kind' },
  replacesItemId: { sv: 'Ersätter (ID)', en: 'Replaces (ID)' },
  id: { sv: 'ID', en: 'ID' },
};

/**
 * Other headers people write for the same field, already normalised (see `normaliseHeader`). The
 * English name's own headers come first: "Namn (engelska)" must not be read as "Namn" by its first half.
 */
const librarySynonyms: Record<LibraryImportField, string[]> = {
  name: ['namn', 'name', 'benamning', 'atgard', 'action', 'namn (svenska)', 'name (swedish)', 'namn sv', 'name sv'],
  nameEn: ['namn (engelska)', 'name (english)', 'engelskt namn', 'english name', 'namn en', 'name en', 'nameen'],
  category: ['kategori', 'category', 'kategorikod', 'category code'],
  unit: ['enhet', 'unit', 'enh', 'mattenhet'],
  lifetimeYears: ['livslangd', 'lifetime', 'livslangd (ar)', 'lifetime (years)', 'lifetimeyears', 'intervall', 'interval', 'teknisk livslangd'],
  unitPrice: ['a-pris', 'a pris', 'apris', 'styckpris', 'enhetspris', 'unit price', 'unit cost', 'price', 'pris', 'riktpris', 'unitprice'],
  priceYear: ['prisar', 'price year', 'prisniva', 'price level', 'priceyear', 'basar', 'base year'],
  source: ['kalla', 'source', 'referens', 'reference'],
  kind: ['typ', 'kind', 'slag', 'type'],
  replacesItemId: ['ersatter (id)', 'replaces (id)', 'ersatter', 'replaces', 'replacesitemid'],
  id: ['id', 'post-id', 'item id', 'itemid'],
};

export const librarySheetLayout: SheetLayout<LibraryImportField> = {
  headers: libraryFieldHeaders,
  matcher: createHeaderMatcher(libraryFieldHeaders, librarySynonyms),
  required: requiredLibraryImportFields,
};

/** How the export writes a kind, and how the import reads one back: its code or its Swedish or English word. */
export const kindNames: Record<LibraryItemKind, { sv: string; en: string }> = {
  replace: { sv: 'Byte', en: 'Replacement' },
  maintain: { sv: 'Underhåll', en: 'Maintenance' },
  inspect: { sv: 'Besiktning', en: 'Inspection' },
};

const kindByName = new Map<string, LibraryItemKind>();
for (const kind of libraryItemKinds) for (const name of [kind, kindNames[kind].sv, kindNames[kind].en]) kindByName.set(normaliseHeader(name), kind);

export function kindOf(text: string): LibraryItemKind | undefined {
  return kindByName.get(normaliseHeader(text));
}

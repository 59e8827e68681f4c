import type { ImportField } from '../../../shared/schemas/spreadsheet.ts';

/** The headers the template and the export write: Swedish on the first header row, English on the second. */
export const fieldHeaders: Record<ImportField, { sv: string; en: string }> = {
  name: { sv: 'Åtgärd', en: 'Action' },
  category: { sv: 'Kategori', en: 'Category' },
  building: { sv: 'Byggnad', en: 'Building' },
  location: { sv: 'Läge', en: 'Location' },
  quantity: { sv: 'Mängd', en: 'Quantity' },
  unit: { sv: 'Enhet', en: 'Unit' },
  unitPrice: { sv: 'À-pris', en: 'Unit price' },
  year: { sv: 'År', en: 'Year' },
  intervalYears: { sv: 'Intervall', en: 'Interval' },
  status: { sv: 'Status', en: 'Status' },
  baseYear: { sv: 'Basår', en: 'Base year' },
  isInvestment: { sv: 'Investering', en: 'Investment' },
  tags: { sv: 'Taggar', en: 'Tags' },
  note: { sv: 'Anteckning', en: 'Note' },
  id: { sv: 'ID', en: 'ID' },
  libraryItemId: { sv: 'Biblioteks-ID', en: 'Library ID' },
};

/**
 * Other headers people write for the same field, in Swedish and English, already normalised (see
 * `normaliseHeader`): what consultants' plans and other tools call the columns.
 */
const synonyms: Record<ImportField, string[]> = {
  name: ['atgard', 'action', 'atgarder', 'benamning', 'beskrivning', 'name', 'namn', 'description', 'aktivitet', 'moment', 'byggdel'],
  category: ['kategori', 'category', 'kategorikod', 'category code', 'typ'],
  building: ['byggnad', 'building', 'hus', 'house'],
  location: ['lage', 'location', 'plats', 'place', 'utrymme', 'rum', 'room'],
  quantity: ['mangd', 'quantity', 'antal', 'qty', 'amount', 'volym'],
  unit: ['enhet', 'unit', 'enh', 'mattenhet'],
  unitPrice: [
    'a-pris',
    'a pris',
    'apris',
    'styckpris',
    'enhetspris',
    'unit price',
    'unit cost',
    'price',
    'pris',
    'a-pris (kr)',
    'a-pris exkl moms',
    'unitprice',
  ],
  year: ['ar', 'year', 'planerat ar', 'planned year', 'atgardsar', 'nasta ar', 'next year'],
  intervalYears: ['intervall', 'interval', 'intervall (ar)', 'interval (years)', 'intervalyears', 'aterkommer', 'repeat', 'livslangd', 'lifetime'],
  status: ['status', 'tillstand', 'state'],
  baseYear: ['basar', 'base year', 'prisniva', 'prisnivaar', 'price level', 'baseyear', 'indexar'],
  isInvestment: ['investering', 'investment', 'isinvestment', 'standardhojande', 'standard-raising'],
  // "Märkning" was the template's header before tags had one word (shared/i18n/vocabulary.ts).
  tags: ['taggar', 'tagg', 'tags', 'tag', 'markning', 'markningar', 'etikett', 'etiketter', 'label', 'labels', 'projekt', 'konto'],
  note: ['anteckning', 'note', 'notes', 'kommentar', 'comment', 'anmarkning', 'noteringar', 'remarks'],
  libraryItemId: ['biblioteks-id', 'biblioteksid', 'library id', 'library item id', 'libraryitemid', 'biblioteksposts-id'],
  id: ['id', 'atgards-id', 'atgardsid', 'action id', 'actionid'],
};

/** Lower case, without accents (å → a, é → e), with runs of spaces, underscores and dots as one space. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_.:]+/g, ' ')
    .replace(/\s*\*$/, '')
    .trim();
}

/** Which fields a header row's texts name: one import's headers and synonyms, matched after `normaliseHeader`. */
export interface HeaderMatcher<F extends string> {
  /** The field a header names, or null. "Åtgärd / Action" is understood too (either half). */
  fieldOfHeader: (header: string) => F | null;
  /** The automatic mapping: each header's field, a field only for its first column. */
  mapColumns: (headers: readonly string[]) => (F | null)[];
  /** How many cells of a row are recognised headers: the header row is the one with the most. */
  countRecognisedHeaders: (cells: readonly string[]) => number;
}

/** A matcher for the headers an export writes (`headers`) and the other names people give the same columns (`synonyms`, normalised). */
export function createHeaderMatcher<F extends string>(
  headers: Record<F, { sv: string; en: string }>,
  synonyms: Record<F, readonly string[]>,
): HeaderMatcher<F> {
  const fieldBySynonym = new Map<string, F>();
  for (const [field, names] of Object.entries(synonyms) as [F, string[]][]) {
    for (const name of [...names, normaliseHeader(headers[field].sv), normaliseHeader(headers[field].en)]) fieldBySynonym.set(name, field);
  }
  const fieldOfHeader = (header: string): F | null => {
    const normalised = normaliseHeader(header);
    if (normalised === '') return null;
    const exact = fieldBySynonym.get(normalised);
    if (exact) return exact;
    for (const part of normalised.split(/\s*[/|]\s*|\s*\(/)) {
      const field = fieldBySynonym.get(part.replace(/\)$/, '').trim());
      if (field) return field;
    }
    return null;
  };
  return {
    fieldOfHeader,
    mapColumns: (texts) => {
      const taken = new Set<F>();
      return texts.map((header) => {
        const field = fieldOfHeader(header);
        if (!field || taken.has(field)) return null;
        taken.add(field);
        return field;
      });
    },
    countRecognisedHeaders: (cells) => cells.filter((cell) => fieldOfHeader(cell) !== null).length,
  };
}

/** The plan import's headers. */
export const actionHeaderMatcher = createHeaderMatcher(fieldHeaders, synonyms);
export const { fieldOfHeader, mapColumns } = actionHeaderMatcher;

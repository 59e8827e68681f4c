import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { checkZipArchive } from './check-zip-archive.ts';
import { neutraliseFormula, restoreNeutralisedFormula } from './neutralise-formula.ts';
import { parseSpreadsheetNumber } from './parse-spreadsheet-number.ts';
import { decodeCsv, detectSeparator, parseCsv } from './read-csv.ts';
import { categoryCodeOf, statusCodeOf } from './read-import-rows.ts';
import { columnLetters } from './read-sheet-frame.ts';
import { findOtherWordsForTags } from '../../../shared/i18n/vocabulary.ts';
import { fieldHeaders, fieldOfHeader, mapColumns } from './spreadsheet-headers.ts';
import { buildZip, claimingBomb, deflatedZeros, lyingBomb } from './zip-test-archives.ts';

describe('parseSpreadsheetNumber', () => {
  it.each([
    ['1 234,50', 1234.5],
    ['1\u00a0234,50', 1234.5],
    ['1\u202f234\u202f567', 1234567],
    ['1.234,50', 1234.5],
    ['1,234.50', 1234.5],
    ['1,234,567', 1234567],
    ['12 000 kr', 12000],
    ['640,5', 640.5],
    ['0,125', 0.125],
    ['2030', 2030],
    ['-5', -5],
    ['\u22125', -5],
    ['1e3', 1000],
  ])('reads %j as %d', (text, expected) => {
    expect(parseSpreadsheetNumber(text)).toBe(expected);
  });

  it('takes numeric cells as they are, blanks as undefined, anything else as NaN', () => {
    expect(parseSpreadsheetNumber(640.5)).toBe(640.5);
    expect(parseSpreadsheetNumber(null)).toBeUndefined();
    expect(parseSpreadsheetNumber('  ')).toBeUndefined();
    expect(parseSpreadsheetNumber('tolv')).toBeNaN();
    expect(parseSpreadsheetNumber('12 st')).toBeNaN();
    expect(parseSpreadsheetNumber('1,2,3,4,5x')).toBeNaN();
    expect(parseSpreadsheetNumber(true)).toBeNaN();
  });
});

describe('neutraliseFormula', () => {
  it.each(['=HYPERLINK("http://evil.example","Klicka")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'prefixes %j with a quote, and the import takes it back',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(restoreNeutralisedFormula(neutraliseFormula(text))).toBe(text);
    },
  );

  it('leaves other text alone, both ways', () => {
    expect(neutraliseFormula('Byte av takpapp')).toBe('Byte av takpapp');
    expect(neutraliseFormula("'citat'")).toBe("'citat'");
    expect(restoreNeutralisedFormula("'citat'")).toBe("'citat'");
  });
});

describe('headers', () => {
  it('maps Swedish and English synonyms, in any case and without accents', () => {
    expect(
      mapColumns([
        'Åtgärd',
        'KATEGORI',
        'byggnad',
        'Lage',
        'Mängd',
        'Enhet',
        'Styckpris',
        'år',
        'Intervall (år)',
        'Status',
        'Basår',
        'Märkning',
        'Investering',
        'Anteckning',
        'Okänd',
      ]),
    ).toEqual([
      'name',
      'category',
      'building',
      'location',
      'quantity',
      'unit',
      'unitPrice',
      'year',
      'intervalYears',
      'status',
      'baseYear',
      'tags',
      'isInvestment',
      'note',
      null,
    ]);
    expect(mapColumns(['Action', 'Category', 'Unit price', 'Year', 'À-pris', 'Tags'])).toEqual(['name', 'category', 'unitPrice', 'year', null, 'tags']);
    expect(fieldOfHeader('Åtgärd / Action')).toBe('name');
    expect(fieldOfHeader('A-pris')).toBe('unitPrice');
    expect(fieldOfHeader('')).toBeNull();
  });

  it('writes tags as "Taggar" and "Tags", and still reads the words older files use', () => {
    for (const language of ['sv', 'en'] as const) {
      const headers = Object.fromEntries(Object.entries(fieldHeaders).map(([field, header]) => [field, header[language]]));
      expect(findOtherWordsForTags(headers, language), language).toEqual([]);
    }
    expect(fieldHeaders.tags).toEqual({ sv: 'Taggar', en: 'Tags' });
    for (const header of ['Taggar', 'tagg', 'Tags', 'Märkning', 'Märkningar', 'Etiketter', 'Etikett', 'Labels'])
      expect(fieldOfHeader(header), header).toBe('tags');
  });

  it('knows categories and statuses by code, Swedish or English name', () => {
    expect(categoryCodeOf('Värme och kyla')).toBe('varme-kyla');
    expect(categoryCodeOf('heating and cooling')).toBe('varme-kyla');
    expect(categoryCodeOf('varme-kyla')).toBe('varme-kyla');
    expect(categoryCodeOf('Tak')).toBeUndefined();
    expect(statusCodeOf('GENOMFÖRD')).toBe('done');
    expect(statusCodeOf('Deferred')).toBe('deferred');
  });

  it('names columns without a header by letter', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('CSV', () => {
  it('decodes UTF-8 with and without a BOM, and Windows-1252', () => {
    expect(decodeCsv(Buffer.from('\ufeffÅtgärd;Läge', 'utf8'))).toBe('Åtgärd;Läge');
    expect(decodeCsv(Buffer.from('Åtgärd;Läge', 'utf8'))).toBe('Åtgärd;Läge');
    expect(decodeCsv(Buffer.from([0xc5, 0x74, 0x67, 0xe4, 0x72, 0x64, 0x3b, 0x80]))).toBe('Åtgärd;€');
  });

  it('detects the separator from the first line, outside quotes', () => {
    expect(detectSeparator('a;b;c\n1,5;2,5;3')).toBe(';');
    expect(detectSeparator('a,b,c\n1;2;3')).toBe(',');
    expect(detectSeparator('"a;b;c",d,e')).toBe(',');
    expect(detectSeparator('a\tb\tc')).toBe('\t');
  });

  it('parses quoted fields with separators, doubled quotes and line breaks, numbering rows by line', () => {
    expect(parseCsv('Åtgärd;Not\r\n"Byte; tak";"Sa ""hej""\nrad 2"\r\nSista;x', ';')).toEqual([
      { row: 1, cells: ['Åtgärd', 'Not'] },
      { row: 2, cells: ['Byte; tak', 'Sa "hej"\nrad 2'] },
      { row: 4, cells: ['Sista', 'x'] },
    ]);
    expect(parseCsv('a,b\n', ',')).toEqual([{ row: 1, cells: ['a', 'b'] }]);
  });
});

describe('checkZipArchive', () => {
  it('accepts an honest archive', () => {
    const content = Buffer.from('<worksheet/>'.repeat(100));
    expect(
      checkZipArchive(
        buildZip([
          { name: 'a.xml', stored: deflateRawSync(content), method: 8, uncompressedSize: content.length },
          { name: 'b.txt', stored: content, method: 0, uncompressedSize: content.length },
        ]),
      ),
    ).toEqual({ ok: true });
  });

  it('refuses an archive that claims gigabytes, before inflating anything', () => {
    expect(checkZipArchive(claimingBomb())).toEqual({ ok: false, reason: 'bomb' });
  });

  it('refuses an entry that inflates beyond what it claims, after at most its claimed bytes', () => {
    expect(checkZipArchive(lyingBomb())).toEqual({ ok: false, reason: 'bomb' });
  });

  it('refuses a compression ratio over 200 for a large entry, even within the total', () => {
    const stored = deflatedZeros(16);
    expect(checkZipArchive(buildZip([{ name: 'x.xml', stored, method: 8, uncompressedSize: 16 * 1024 * 1024 }]))).toEqual({ ok: false, reason: 'bomb' });
  });

  it('tells a non-zip and a broken zip apart from a bomb', () => {
    expect(checkZipArchive(Buffer.from('Åtgärd;Kategori'))).toEqual({ ok: false, reason: 'not_zip' });
    const honest = buildZip([{ name: 'a.xml', stored: Buffer.from('abc'), method: 0, uncompressedSize: 3 }]);
    expect(checkZipArchive(honest.subarray(10))).toEqual({ ok: false, reason: 'not_zip' });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTagList, parseTagList } from './tag-list.ts';

describe('tags in one spreadsheet cell', () => {
  it('writes plain tags with commas and quotes the ones holding a separator or starting with a quote', () => {
    expect(formatTagList([])).toBe('');
    expect(formatTagList(['P-7', 'konto 4610'])).toBe('P-7, konto 4610');
    expect(formatTagList(['P-7', 'konto 4610, drift', 'a;b', '"citat"', 'mitt "i" ord'])).toBe('P-7, "konto 4610, drift", "a;b", """citat""", mitt "i" ord');
  });

  it('reads what people type: commas or semicolons, spaces, empty parts, quotes', () => {
    expect(parseTagList('P-1, P-2')).toEqual(['P-1', 'P-2']);
    expect(parseTagList('P-1;P-2 ; ;')).toEqual(['P-1', 'P-2']);
    expect(parseTagList('"a, b", c')).toEqual(['a, b', 'c']);
    expect(parseTagList('"x ""y"", z"')).toEqual(['x "y", z']);
    expect(parseTagList('a "b" c, d')).toEqual(['a "b" c', 'd']);
    // A quote never closed is text, so it does not swallow the tags after it.
    expect(parseTagList('"öppen, b')).toEqual(['"öppen', 'b']);
    expect(parseTagList('')).toEqual([]);
  });

  it('reads back exactly the tags it wrote, whatever they hold', () => {
    // Tags as the API stores them: trimmed and not empty.
    const tag = fc
      .string({ unit: fc.constantFrom('a', 'Ö', ' ', ',', ';', '"', '-', '1'), minLength: 1, maxLength: 12 })
      .map((text) => text.trim())
      .filter((text) => text !== '');
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 6 }), (tags) => {
        expect(parseTagList(formatTagList(tags))).toEqual(tags);
      }),
      { numRuns: 2000 },
    );
  });
});

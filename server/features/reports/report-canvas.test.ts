import { describe, expect, it } from 'vitest';
import { ReportCanvas } from './report-canvas.ts';

const canvas = new ReportCanvas({ title: 'Test', subject: 'Test', language: 'sv-SE' });
/** The action column's text width at 8 pt: 0.3 of the content width less the cell padding. */
const width = 0.3 * (595.28 - 96) - 8;
const wrap = (text: string) => canvas.wrap(text, width, 'regular', 8);

function expectWithinWidth(lines: readonly string[]): void {
  for (const line of lines) expect(canvas.widthOf(line, 'regular', 8), line).toBeLessThanOrEqual(width);
}

describe('ReportCanvas.wrap', () => {
  it('keeps a text that fits on one line, its white space as single spaces', () => {
    expect(wrap('Relining av  avloppsstammar\n')).toEqual(['Relining av avloppsstammar']);
    expect(wrap('')).toEqual([]);
    expect(wrap(' \t ')).toEqual([]);
  });

  it('wraps a long name at spaces, every line within the width and no word lost', () => {
    const name = 'Byte av undercentral fjärrvärme inklusive styr- och reglerutrustning samt injustering av radiatorkretsar i hus A och B';
    const lines = wrap(name);
    expect(lines.length).toBeGreaterThan(2);
    expectWithinWidth(lines);
    expect(lines.join(' ')).toBe(name);
    // Greedy: no line could have taken the next line's first word.
    for (let index = 0; index < lines.length - 1; index += 1) {
      const next = lines[index + 1]!.split(' ')[0]!;
      expect(canvas.widthOf(`${lines[index]} ${next}`, 'regular', 8)).toBeGreaterThan(width);
    }
  });

  it('breaks a word longer than a line between its characters, losing none', () => {
    const word = 'Fjärrvärmeundercentralsutbytesprojekteringsunderlagsgranskning';
    expect(word).toHaveLength(62);
    const lines = wrap(`Byte ${word}`);
    expect(lines.length).toBeGreaterThan(2);
    expectWithinWidth(lines);
    // "Byte" alone, then the word in pieces.
    expect(lines[0]).toBe('Byte');
    expect(lines.slice(1).join('')).toBe(word);
  });

  it('never breaks at a no-break space, nor inside a character made of several code points', () => {
    expect(wrap('12\u00a0496\u00a0220,65\u00a0kr')).toEqual(['12\u00a0496\u00a0220,65\u00a0kr']);
    const decomposed = 'a\u030a'.repeat(60);
    const lines = wrap(decomposed);
    expect(lines.length).toBeGreaterThan(1);
    expectWithinWidth(lines);
    for (const line of lines) expect(line.startsWith('\u030a')).toBe(false);
    expect(lines.join('')).toBe(decomposed);
  });

  it('puts one character on a line when not even one fits, and still ends', () => {
    expect(canvas.wrap('ÅÄÖ', 1, 'regular', 8)).toEqual(['Å', 'Ä', 'Ö']);
  });
});

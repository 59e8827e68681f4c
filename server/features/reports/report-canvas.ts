import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { TextMeasure } from './report-layout.ts';

/**
 * DejaVu Sans, embedded (pdfkit subsets it to the glyphs used): the standard PDF fonts have no
 * "−" (U+2212, Swedish minus) and no glyphs outside Latin-1, and a viewer's substitute may lack
 * å, ä, ö. Read once per process.
 */
const fontDirectory = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fontFiles = {
  regular: readFileSync(path.join(fontDirectory, 'DejaVuSans.ttf')),
  bold: readFileSync(path.join(fontDirectory, 'DejaVuSans-Bold.ttf')),
} as const;
export type FontName = keyof typeof fontFiles;

/** White space a line may break at: any but the no-break spaces (U+00A0, U+2007, U+202F) that hold amounts together. */
const breakableSpace = /[^\S\u00a0\u2007\u202f]+/g;
const graphemes = new Intl.Segmenter('sv', { granularity: 'grapheme' });

/** Text colours meet WCAG 2.1 AA (4.5:1) on white and on the table tints. */
export const colours = {
  text: '#1a1a1a',
  muted: '#4d4d4d',
  accent: '#1f4e79',
  rule: '#b8c0c8',
  headerFill: '#e3e8ee',
  shadeFill: '#f4f6f8',
  markedFill: '#fbe3e1',
  markedText: '#8c1d18',
  warning: '#b3261e',
  costBar: '#98a4b3',
  balanceLine: '#1f4e79',
  shareBar: '#5b7fa6',
} as const;

export interface TextOptions {
  font?: FontName;
  size?: number;
  colour?: string;
  /** Cut with an ellipsis to this width; with `align: 'right'`, `x` is the right edge. */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

/** A pdfkit document with the report's fonts and single-line text that never breaks a page by itself. */
export class ReportCanvas implements TextMeasure {
  readonly doc: PDFKit.PDFDocument;

  constructor(info: { title: string; subject: string; language: string }) {
    // autoFirstPage off and zero margins: the layout decides every page break, pdfkit none.
    this.doc = new PDFDocument({
      autoFirstPage: false,
      size: 'A4',
      margin: 0,
      lang: info.language,
      displayTitle: true,
      info: { Title: info.title, Subject: info.subject, Creator: 'Kvarter', Producer: 'Kvarter (pdfkit)' },
    });
    this.doc.registerFont('regular', fontFiles.regular);
    this.doc.registerFont('bold', fontFiles.bold);
  }

  /** Advance widths at 1 pt per font and character, so most cells are measured without shaping. */
  private readonly characterWidths: Record<FontName, Map<string, number>> = { regular: new Map(), bold: new Map() };
  private currentColour = '';

  widthOf(text: string, font: FontName, size: number): number {
    return this.doc.font(font).fontSize(size).widthOfString(text);
  }

  /**
   * The width without kerning or ligatures, from cached per-character advances: within a few
   * percent of `widthOf`, and shaping every one of 10 000 action names was a third of the time.
   */
  private estimateWidth(text: string, font: FontName, size: number): number {
    const widths = this.characterWidths[font];
    let total = 0;
    for (const character of text) {
      let width = widths.get(character);
      if (width === undefined) {
        width = this.widthOf(character, font, 1);
        widths.set(character, width);
      }
      total += width;
    }
    return total * size;
  }

  /** Whether `text` fits `width`; exact measuring only near the limit, as in `fit`. */
  private fits(text: string, width: number, font: FontName, size: number): boolean {
    const estimate = this.estimateWidth(text, font, size);
    if (estimate <= width * 0.95) return true;
    return estimate <= width * 1.05 && this.widthOf(text, font, size) <= width;
  }

  /** The longest start of `text` (with "…") that fits `width`. */
  fit(text: string, width: number, font: FontName, size: number): string {
    const clean = text.replace(/\s+/g, ' ');
    if (this.fits(clean, width, font, size)) return clean;
    let low = 0;
    let high = clean.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.estimateWidth(`${clean.slice(0, middle).trimEnd()}…`, font, size) <= width * 0.95) low = middle;
      else high = middle - 1;
    }
    return `${clean.slice(0, low).trimEnd()}…`;
  }

  /**
   * Greedy word wrap to lines of at most `width`, losing no character: lines break at spaces, and a
   * word longer than a line (a long compound, a code) between two of its characters. No-break
   * spaces hold ("1 234 kr" stays whole). An empty text has no lines.
   */
  wrap(text: string, width: number, font: FontName, size: number): string[] {
    const whole = text.replace(breakableSpace, ' ').trim();
    // Most cells fit: one pass over the characters, no splitting.
    if (this.fits(whole, width, font, size)) return whole === '' ? [] : [whole];
    const lines: string[] = [];
    let line = '';
    for (const word of whole.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (this.fits(candidate, width, font, size)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (!this.fits(line, width, font, size)) {
        const head = this.longestFittingStart(line, width, font, size);
        lines.push(head);
        line = line.slice(head.length);
      }
    }
    if (line !== '') lines.push(line);
    return lines;
  }

  /** The longest run of whole characters (graphemes: "å" written as a + ring stays one) that fits; at least one. */
  private longestFittingStart(word: string, width: number, font: FontName, size: number): string {
    const ends: number[] = [];
    for (const { index, segment } of graphemes.segment(word)) ends.push(index + segment.length);
    let low = 1;
    let high = ends.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.fits(word.slice(0, ends[middle - 1]), width, font, size)) low = middle;
      else high = middle - 1;
    }
    return word.slice(0, ends[low - 1]);
  }

  text(value: string, x: number, y: number, options: TextOptions = {}): void {
    const font = options.font ?? 'regular';
    const size = options.size ?? 9;
    const shown = options.width === undefined ? value : this.fit(value, options.width, font, size);
    const left = options.align === 'right' || options.align === 'center' ? x - this.widthOf(shown, font, size) / (options.align === 'right' ? 1 : 2) : x;
    const colour = options.colour ?? colours.text;
    // pdfkit writes a colour operator on every call; shapes drawn in between reset it (see fill).
    if (colour !== this.currentColour) {
      this.doc.fillColor(colour);
      this.currentColour = colour;
    }
    this.doc.font(font).fontSize(size).text(shown, left, y, { lineBreak: false });
  }

  /** A new A4 page; pdfkit starts each page's graphics state afresh. */
  addPage(): void {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.currentColour = '';
  }

  /** A filled rectangle; text after it sets its colour again. */
  fillRect(x: number, y: number, width: number, height: number, colour: string): void {
    this.doc.rect(x, y, width, height).fill(colour);
    this.currentColour = colour;
  }
}

import type { SheetRow } from './sheet-rows.ts';

/**
 * Text of a CSV file: UTF-8 (with or without a byte-order mark) when it decodes as UTF-8, else
 * Windows-1252, which is what Swedish Excel writes with "CSV (semikolonavgränsad)". Valid UTF-8
 * with å, ä or ö is practically never valid Windows-1252 text meant otherwise, and the reverse:
 * Windows-1252's å (0xE5) alone is never valid UTF-8.
 */
export function decodeCsv(data: Buffer): string {
  const withoutBom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(withoutBom);
  } catch {
    return decodeWindows1252(withoutBom);
  }
}

/**
 * Windows-1252 is Latin-1 except 0x80–0x9F (€, ‚, „, …, ‰, Š, ‹, Œ, Ž, curly quotes, –, —, ™…). Done by
 * hand: Node built with small ICU decodes the label `windows-1252` as Latin-1, making € a control.
 */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (character) => windows1252High[character.charCodeAt(0) - 0x80]!);
}

/**
 * The separator: `;` (Swedish Excel, where the comma is the decimal sign), `,` or a tab, whichever
 * occurs most often outside quotes on the first line.
 */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let isQuoted = false;
  for (const character of text) {
    if (character === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (character === '\n' || character === '\r')) break;
    else if (!isQuoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best = ';';
  for (const [separator, count] of counts) if (count > (counts.get(best) ?? 0)) best = separator;
  return best;
}

/**
 * RFC 4180 rows: quoted fields may hold separators, line breaks and doubled quotes. Every cell is
 * text; numbers are parsed later, per field. `row` is the line number of the record's first line.
 */
export function parseCsv(text: string, separator = detectSeparator(text)): SheetRow[] {
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let isQuoted = false;
  let line = 1;
  let rowLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push({ row: rowLine, cells });
    cells = [];
  };
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (isQuoted) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 1;
        } else isQuoted = false;
      } else {
        if (character === '\n') line += 1;
        cell += character;
      }
    } else if (character === '"' && cell === '') isQuoted = true;
    else if (character === separator) endCell();
    else if (character === '\r' || character === '\n') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else cell += character;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/**
 * A number as people write it in Swedish or English spreadsheets: `1 234,50`, `1234.5`,
 * `1.234,50`, `1,234.50`, `12 000 kr`, with ordinary, no-break or narrow no-break spaces as
 * thousands separators. Undefined for a blank cell, NaN for text that is not a number. A numeric
 * cell is taken as it is.
 */
export function parseSpreadsheetNumber(value: string | number | boolean | null): number | undefined {
  if (value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return Number.NaN;
  let text = value
    .replace(/[\s\u00a0\u202f]+/g, '')
    .replace(/(kr|sek|:-)$/i, '')
    .replace(/\u2212/g, '-');
  if (text === '') return undefined;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: whichever comes last is the decimal separator, the other groups thousands.
    text = lastComma > lastDot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // Swedish decimal comma; a comma twice can only be thousands (`1,234,567`).
    text = text.indexOf(',') === lastComma ? text.replace(',', '.') : text.replace(/,/g, '');
  } else if (lastDot >= 0 && text.indexOf('.') !== lastDot) {
    text = text.replace(/\./g, '');
  }
  return /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
}

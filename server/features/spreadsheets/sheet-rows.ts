/** A cell's value as read from a file: text, a number, a boolean or blank. */
export type SheetCell = string | number | boolean | null;

/** One row of a sheet: `row` is its number in the file (1 = first), as the spreadsheet shows it. */
export interface SheetRow {
  row: number;
  cells: SheetCell[];
}

/** A cell as text, for headers and the preview. */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return cell.trim();
}

export function isBlankRow(cells: readonly SheetCell[]): boolean {
  return cells.every((cell) => cellText(cell) === '');
}

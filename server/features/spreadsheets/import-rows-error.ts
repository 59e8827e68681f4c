import { maxReportedImportErrors } from '../../../shared/schemas/spreadsheet.ts';
import { AppError } from '../../http/app-error.ts';
import type { ReadingError } from './read-sheet-frame.ts';

/**
 * A confirmed import of a file with errors: a 400 with every error as a field code
 * `rows.<row>.<field>` (the error handler translates them), or `mapping.<field>` for a missing or
 * repeated column; nothing is written.
 */
export function importRowsError<F extends string>(errors: readonly ReadingError<F>[]): AppError {
  const fieldCodes: NonNullable<AppError['fieldCodes']> = {};
  for (const error of errors.slice(0, maxReportedImportErrors)) {
    const key =
      error.code === 'spreadsheet.column_missing' || error.code === 'spreadsheet.column_twice' ? `mapping.${error.field}` : `rows.${error.row}.${error.field}`;
    fieldCodes[key] ??= error.code;
  }
  return new AppError('validation', `${errors.length} errors in the file; nothing was imported`, fieldCodes);
}

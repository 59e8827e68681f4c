import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  libraryImportDryRunResponseSchema,
  libraryImportResponseSchema,
  type LibraryImportField,
  type LibraryImportMapping,
} from '../../../shared/schemas/library-spreadsheet.ts';
import { importFileField } from '../../../shared/schemas/spreadsheet.ts';
import { uploadFile } from '../../lib/api/upload-file.ts';
import type { ImportUpload } from '../spreadsheets/spreadsheet-import.tsx';
import { libraryQueryKey } from '../library-items/library-items-query.ts';

function importPath(accountId: string, options: { dryRun: boolean; mapping: LibraryImportMapping | undefined }): string {
  const query = new URLSearchParams();
  if (options.dryRun) query.set('dryRun', 'true');
  if (options.mapping) query.set('mapping', JSON.stringify(options.mapping));
  const text = query.toString();
  return `/api/accounts/${encodeURIComponent(accountId)}/library-items/import${text ? `?${text}` : ''}`;
}

/** Reads and checks the file without writing anything: the mapping, the errors, what would change. */
export function useLibraryImportDryRun(accountId: string) {
  return useMutation({
    mutationFn: ({ file, mapping, onProgress }: ImportUpload<LibraryImportField>) =>
      uploadFile(importPath(accountId, { dryRun: true, mapping }), file, { fieldName: importFileField, schema: libraryImportDryRunResponseSchema, onProgress }),
  });
}

/** Creates and updates the account's items of every row in one transaction, or nothing. */
export function useLibraryImport(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping, onProgress }: ImportUpload<LibraryImportField>) =>
      uploadFile(importPath(accountId, { dryRun: false, mapping }), file, { fieldName: importFileField, schema: libraryImportResponseSchema, onProgress }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: libraryQueryKey(accountId) }),
  });
}

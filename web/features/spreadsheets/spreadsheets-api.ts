import { useMutation, useQueryClient } from '@tanstack/react-query';
import { importDryRunResponseSchema, importFileField, importResponseSchema, type ImportMapping } from '../../../shared/schemas/spreadsheet.ts';
import { uploadFile, type UploadProgress } from '../../lib/api/upload-file.ts';
import type { VatChoice } from '../../lib/display-preferences.ts';
import { planQueryKey } from '../plan-core/plans-api.ts';

const planApiPath = (planId: string) => `/api/plans/${encodeURIComponent(planId)}`;

/** Where the browser downloads the empty import template (an attachment: the page stays). */
export function templatePath(planId: string): string {
  return `${planApiPath(planId)}/template.xlsx`;
}

/** Where the browser downloads the plan as a workbook, amounts with the chosen VAT. */
export function exportPath(planId: string, vat: VatChoice): string {
  return `${planApiPath(planId)}/export.xlsx?vat=${vat}`;
}

function importPath(planId: string, options: { dryRun: boolean; mapping: ImportMapping | undefined }): string {
  const query = new URLSearchParams();
  if (options.dryRun) query.set('dryRun', 'true');
  if (options.mapping) query.set('mapping', JSON.stringify(options.mapping));
  const text = query.toString();
  return `${planApiPath(planId)}/import${text ? `?${text}` : ''}`;
}

interface ImportVariables {
  file: File;
  /** Null: the server's automatic mapping by header. */
  mapping: ImportMapping | undefined;
  onProgress: (progress: UploadProgress) => void;
}

/** Reads and checks the file without writing anything: the mapping, the errors, a preview. */
export function useImportDryRun(planId: string) {
  return useMutation({
    mutationFn: ({ file, mapping, onProgress }: ImportVariables) =>
      uploadFile(importPath(planId, { dryRun: true, mapping }), file, { fieldName: importFileField, schema: importDryRunResponseSchema, onProgress }),
  });
}

/** Imports every row of the file in one transaction, or nothing. */
export function useImportActions(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping, onProgress }: ImportVariables) =>
      uploadFile(importPath(planId, { dryRun: false, mapping }), file, { fieldName: importFileField, schema: importResponseSchema, onProgress }),
    // Buildings and locations may have been created too: the whole plan is read again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
  });
}

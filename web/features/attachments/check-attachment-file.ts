import { attachmentContentTypes, type AttachmentLimits } from '../../../shared/schemas/attachment.ts';

export type AttachmentFileProblem = 'empty' | 'too_large' | 'type_not_allowed';

/** Browsers often give HEIC (and some PDFs on some systems) no type or a generic one; then the extension decides. */
const extensions = new Set(['jpg', 'jpeg', 'png', 'webp', 'heic', 'heif', 'pdf']);
const genericTypes = new Set(['', 'application/octet-stream']);

/**
 * A quick check before sending, so a user does not wait for an upload that will be refused. The
 * server decides from the file's bytes anyway; this check only uses what the browser says.
 */
export function checkAttachmentFile(
  file: { name: string; size: number; type: string },
  limits: AttachmentLimits | undefined,
): AttachmentFileProblem | undefined {
  if (file.size === 0) return 'empty';
  if (limits && file.size > limits.maxBytes) return 'too_large';
  const allowedTypes: readonly string[] = limits?.contentTypes ?? attachmentContentTypes;
  if (allowedTypes.includes(file.type.toLowerCase())) return undefined;
  const extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
  if ((genericTypes.has(file.type) || file.type === 'image/heif') && extensions.has(extension)) return undefined;
  return 'type_not_allowed';
}

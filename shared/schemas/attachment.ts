import { z } from 'zod';
import { idSchema, timestampSchema } from './common.ts';

/**
 * What may be attached to an action: photos and PDFs. The server decides the type from the file's
 * first bytes (never from the name or the declared type) and stores the type it found.
 */
export const attachmentContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] as const;
export type AttachmentContentType = (typeof attachmentContentTypes)[number];

/** The types that are photos: each has a thumbnail (`GET /api/attachments/:id/thumbnail`) and opens in the photo viewer. */
export const photoContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const satisfies readonly AttachmentContentType[];
export type PhotoContentType = (typeof photoContentTypes)[number];

export function isPhotoContentType(contentType: AttachmentContentType): contentType is PhotoContentType {
  return (photoContentTypes as readonly AttachmentContentType[]).includes(contentType);
}

/** A thumbnail is a WebP at most this many pixels on its longer side (never enlarged). */
export const thumbnailMaxSidePixels = 320;

/** The multipart part that carries the file. */
export const attachmentFileField = 'file';

/** File names are kept for display: at most 255 characters (the database's CHECK). */
export const attachmentFileNameMaxLength = 255;

export const attachmentSchema = z.object({
  id: idSchema,
  actionId: idSchema,
  fileName: z.string(),
  contentType: z.enum(attachmentContentTypes),
  sizeBytes: z.number().int().nonnegative(),
  /** Null once the uploader's user is deleted. */
  uploadedBy: idSchema.nullable(),
  uploaderName: z.string().nullable(),
  createdAt: timestampSchema,
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** An action's attachments, oldest first. */
export const attachmentListSchema = z.array(attachmentSchema);

/** What the server accepts, so a client can check a file before sending it. */
export const attachmentLimitsSchema = z.object({
  maxBytes: z.number().int().positive(),
  contentTypes: z.array(z.enum(attachmentContentTypes)),
});
export type AttachmentLimits = z.infer<typeof attachmentLimitsSchema>;

/** File extensions a file picker offers, one set per allowed type (a hint only; the server checks the bytes). */
export const attachmentAcceptAttribute = 'image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf,.pdf';

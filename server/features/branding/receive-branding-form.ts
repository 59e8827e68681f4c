import type { FastifyRequest } from 'fastify';
import { brandingLogoField, brandingLogoMaxBytes, type BrandingLogoContentType } from '../../../shared/schemas/branding.ts';
import { AppError, validationError } from '../../http/app-error.ts';
import { detectAttachmentType, sniffLength } from '../attachments/detect-attachment-type.ts';

/** The parts of a branding form: its text fields as sent, and the logo when one was sent. */
export interface BrandingForm {
  fields: Record<string, string>;
  logo?: { bytes: Buffer; contentType: BrandingLogoContentType };
}

/** The form's text fields (displayName, colour, removeLogo): anything more is refused before it is read. */
export const brandingFormFieldLimit = 3;

/**
 * Reads PUT /api/accounts/:accountId/branding's multipart/form-data body into memory (at most one
 * logo of 500 kB, so no temporary file). The logo's type comes from its first bytes, never from its
 * name or declared type; an oversized logo is, as an oversized attachment is, a 400 on its field.
 */
export async function receiveBrandingForm(request: FastifyRequest): Promise<BrandingForm> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the branding as multipart/form-data.');
  }
  const form: BrandingForm = { fields: {} };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value !== 'string' || part.valueTruncated) throw validationError({ [part.fieldname]: 'field.invalid' });
        form.fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== brandingLogoField) {
        await part.toBuffer().catch(() => undefined);
        throw validationError({ [part.fieldname]: 'field.unknown' }, 'Send the logo in a part named "logo"');
      }
      const bytes = await part.toBuffer();
      if (bytes.length > brandingLogoMaxBytes) throw logoTooLarge();
      const contentType = detectLogoType(bytes);
      if (!contentType) throw validationError({ [brandingLogoField]: 'branding.logo_type' }, 'The logo must be a PNG or JPEG image');
      form.logo = { bytes, contentType };
    }
  } catch (error) {
    throw toFormError(error);
  }
  return form;
}

const logoTooLarge = () => validationError({ [brandingLogoField]: 'branding.logo_too_large' }, `The logo may be at most ${brandingLogoMaxBytes} bytes`);

function detectLogoType(bytes: Buffer): BrandingLogoContentType | undefined {
  const type = detectAttachmentType(bytes.subarray(0, sniffLength));
  return type === 'image/png' || type === 'image/jpeg' ? type : undefined;
}

/** The plugin's limit errors (413 by default) become the 400 on the field that the API promises. */
function toFormError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  switch ((error as { code?: string } | undefined)?.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return logoTooLarge();
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return validationError({ [brandingLogoField]: 'field.invalid' }, 'Send at most one logo');
    case 'FST_FIELDS_LIMIT':
      return validationError({}, 'Send only displayName, colour, removeLogo and logo');
  }
  // Anything else comes from parsing what the client sent (a missing boundary, a part cut short).
  return new AppError('validation', 'Malformed multipart/form-data body');
}

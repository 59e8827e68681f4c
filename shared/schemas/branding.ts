import { z } from 'zod';
import { hasNoNul } from './common.ts';

/** The brand colour of an account without branding of its own or a manager's: the app's accent (web/styles/tokens.css). */
export const defaultBrandColour = '#1F6F50';

/** A logo is at most this many bytes (500 kB): a header image, not a photo. */
export const brandingLogoMaxBytes = 500 * 1000;

/** The multipart file field of PUT /api/accounts/:accountId/branding. */
export const brandingLogoField = 'logo';

export const brandingLogoContentTypes = ['image/png', 'image/jpeg'] as const;
export type BrandingLogoContentType = (typeof brandingLogoContentTypes)[number];

/** #RRGGBB in either case, kept and answered in upper case. */
export const brandColourSchema = z
  .string({ error: 'field.required' })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'branding.colour_invalid' })
  .transform((colour) => colour.toUpperCase());

/**
 * The text fields of PUT /api/accounts/:accountId/branding (multipart/form-data, so every value is
 * a string). Whether white text is readable on the colour is checked by the server with
 * `contrastWithWhite` (shared/branding/contrast.ts), whose refusal carries a suggestion.
 */
export const brandingFieldsSchema = z.strictObject({
  displayName: z
    .string({ error: 'field.required' })
    .trim()
    .min(1, { error: 'branding.display_name_invalid' })
    .max(100, { error: 'branding.display_name_invalid' })
    .refine(hasNoNul, { error: 'field.invalid_characters' }),
  colour: brandColourSchema,
  removeLogo: z.enum(['true', 'false'], { error: 'field.invalid' }).optional(),
});
export type BrandingFields = z.output<typeof brandingFieldsSchema>;

/** Whose branding an account shows: its own, its manager's (a customer account) or the app's. */
export const brandingSourceSchema = z.enum(['own', 'manager', 'default']);

/**
 * GET /api/accounts/:accountId/branding: the account's effective branding. `logoUrl` carries the
 * first 12 hex digits of the logo's SHA-256 (`?v=`), so a changed logo is a new address.
 */
export const brandingSchema = z.object({
  displayName: z.string(),
  colour: z.string(),
  logoUrl: z.string().nullable(),
  source: brandingSourceSchema,
});
export type Branding = z.output<typeof brandingSchema>;

/** The branding in GET /api/share/:token: the shared plan's account's effective branding, its logo behind the token. */
export const sharedBrandingSchema = brandingSchema.omit({ source: true });
export type SharedBranding = z.output<typeof sharedBrandingSchema>;

/** GET …/branding/logo: `v`, the version the url was given, which decides how long the answer may be cached. */
export const brandingLogoQuerySchema = z.strictObject({
  v: z.string().max(64, { error: 'field.invalid' }).optional(),
});

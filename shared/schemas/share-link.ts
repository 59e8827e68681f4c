import { z } from 'zod';
import { vatQuerySchema, occurrencesResponseSchema } from './action.ts';
import { analysisResponseSchema, fundResponseSchema } from './analysis.ts';
import { sharedBrandingSchema } from './branding.ts';
import { categorySchema } from './category.ts';
import { hasNoNul, idSchema, timestampSchema } from './common.ts';

/** A share link lives at most this long (docs/decisions/0046-share-links.md): a bank's or a buyer's reading, not a standing door. */
export const shareLinkMaxLifetimeDays = 365;
const dayMs = 24 * 60 * 60 * 1000;

/** Whether `expiresAt` lies after `now` and within the longest lifetime from it. */
export function isShareLinkExpiryAllowed(expiresAt: string, now = new Date()): boolean {
  const time = Date.parse(expiresAt);
  return time > now.getTime() && time <= now.getTime() + shareLinkMaxLifetimeDays * dayMs;
}

/**
 * POST /api/plans/:id/share-links: when the link stops working (ISO-8601 with an offset, in the
 * future and at most 365 days ahead) and a label saying whom it is for ("Banken", "Mäklare").
 */
export const createShareLinkRequestSchema = z.strictObject({
  expiresAt: z.iso
    .datetime({ offset: true, error: (issue) => (issue.input === undefined ? 'field.required' : 'share_link.expiry_invalid') })
    .refine((value) => isShareLinkExpiryAllowed(value), { error: 'share_link.expiry_out_of_range' }),
  label: z
    .string({ error: 'field.required' })
    .trim()
    .min(1, { error: 'field.required' })
    .max(120, { error: 'name.too_long' })
    .refine(hasNoNul, { error: 'field.invalid_characters' }),
});
export type CreateShareLinkRequest = z.infer<typeof createShareLinkRequestSchema>;

/** The 201: `url` carries the token, the only time it is ever shown (only its hash is stored). */
export const createShareLinkResponseSchema = z.object({
  id: idSchema,
  url: z.string(),
  expiresAt: timestampSchema,
});
export type CreateShareLinkResponse = z.infer<typeof createShareLinkResponseSchema>;

/** A plan's share link as its editors see it: never the token. */
export const shareLinkSchema = z.object({
  id: idSchema,
  label: z.string(),
  expiresAt: timestampSchema,
  createdAt: timestampSchema,
  /** Null only when the user who made it has since been deleted. */
  createdBy: z.object({ id: idSchema, name: z.string() }).nullable(),
  isExpired: z.boolean(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

/** Oldest first; expired links stay listed (revoking one removes it). */
export const shareLinksResponseSchema = z.array(shareLinkSchema);

/** GET /api/share/:token: `vat` (default excl); nothing else. */
export const sharedPlanQuerySchema = z.strictObject({
  vat: vatQuerySchema.default('excl'),
});
export type SharedPlanQuery = z.output<typeof sharedPlanQuerySchema>;

/**
 * What a share link shows (docs/product/api.md § Share links): the plan's name and window, its
 * property's and account's names, the account's effective branding (its logo behind the token), the analysis and the fund analysis with the API's defaults
 * (investments included, the maintenance debt as of the current UTC year), and every action's
 * occurrences with the action's name and category, by year and then in the order of the action list.
 */
export const sharedPlanSchema = z.object({
  plan: z.object({ name: z.string(), startYear: z.number().int(), lengthYears: z.number().int() }),
  propertyName: z.string(),
  accountName: z.string(),
  branding: sharedBrandingSchema,
  expiresAt: timestampSchema,
  analysis: analysisResponseSchema,
  fund: fundResponseSchema,
  actions: z.array(z.object({ id: idSchema, name: z.string(), category: categorySchema, buildingName: z.string().nullable() })),
  occurrences: occurrencesResponseSchema,
});
export type SharedPlan = z.output<typeof sharedPlanSchema>;

import { createHash } from 'node:crypto';
import { contrastWithWhite, darkenUntilReadable, minimumContrastWithWhite } from '../../../shared/branding/contrast.ts';
import { brandingFieldsSchema, defaultBrandColour, type Branding } from '../../../shared/schemas/branding.ts';
import type { Actor } from '../../auth/actor.ts';
import { requirePermission } from '../../auth/require-permission.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, validationError } from '../../http/app-error.ts';
import { parseInput } from '../../http/parse-input.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import { deleteBranding, findEffectiveBrandingRows, findEffectiveLogo, upsertBranding, type LogoChange } from './branding.queries.ts';
import type { BrandingForm } from './receive-branding-form.ts';

/** The effective branding without its logo's address, which depends on who asks (a member or a share link's holder). */
export interface EffectiveBranding {
  displayName: string;
  colour: string;
  /** The first 12 hex digits of the logo's SHA-256, the `?v=` of its url; null without a logo. */
  logoVersion: string | null;
  source: Branding['source'];
}

/**
 * The account's own branding; else, for a customer account, its manager's; else the app's default
 * with the account's name (docs/product/api.md § Branding).
 */
export async function findEffectiveBranding(db: Db, accountId: AccountId): Promise<EffectiveBranding> {
  const rows = await findEffectiveBrandingRows(db, accountId);
  if (!rows) throw notFound('Account');
  const chosen = rows.own ? { row: rows.own, source: 'own' as const } : rows.manager ? { row: rows.manager, source: 'manager' as const } : undefined;
  if (!chosen) return { displayName: rows.accountName, colour: defaultBrandColour, logoVersion: null, source: 'default' };
  return {
    displayName: chosen.row.displayName,
    colour: chosen.row.colour,
    logoVersion: chosen.row.logoSha256?.slice(0, 12) ?? null,
    source: chosen.source,
  };
}

const memberBranding = (accountId: AccountId, branding: EffectiveBranding): Branding => ({
  displayName: branding.displayName,
  colour: branding.colour,
  logoUrl: branding.logoVersion === null ? null : `/api/accounts/${accountId}/branding/logo?v=${branding.logoVersion}`,
  source: branding.source,
});

/** Any member may read it, also one limited to some properties: it is what the header shows them. */
export async function readBranding(deps: Deps, actor: Actor, accountId: string): Promise<Branding> {
  const account = await requirePermission(deps.db, actor, accountId, 'account:read', { servesLimitedMembers: true });
  return memberBranding(account, await findEffectiveBranding(deps.db, account));
}

/** The effective logo's bytes, or the same 404 for an account whose effective branding has none. */
export async function readBrandingLogo(deps: Deps, actor: Actor, accountId: string) {
  const account = await requirePermission(deps.db, actor, accountId, 'account:read', { servesLimitedMembers: true });
  return requireEffectiveLogo(deps.db, account);
}

export async function requireEffectiveLogo(db: Db, accountId: AccountId) {
  const logo = await findEffectiveLogo(db, accountId);
  if (!logo) throw notFound('Logo');
  return { bytes: logo.logo, contentType: logo.contentType, version: logo.sha256.slice(0, 12) };
}

/**
 * Sets the account's own branding (admins). The colour must carry white text (WCAG 2, 4.5:1);
 * otherwise the refusal suggests the same hue darkened just enough. Without a logo in the form the
 * stored one is kept; `removeLogo=true` drops it.
 */
export async function updateBranding(deps: Deps, actor: Actor, accountId: string, form: BrandingForm): Promise<Branding> {
  const fields = parseInput(brandingFieldsSchema, form.fields);
  if (contrastWithWhite(fields.colour) < minimumContrastWithWhite) {
    throw new AppError('validation', 'White text is not readable enough on this colour', { colour: 'branding.colour_low_contrast' }, undefined, {
      suggestion: darkenUntilReadable(fields.colour),
    });
  }
  const isRemoving = fields.removeLogo === 'true';
  if (isRemoving && form.logo) throw validationError({ removeLogo: 'field.invalid' }, 'Send a new logo or removeLogo, not both');
  const logo: LogoChange = form.logo
    ? { kind: 'replace', ...form.logo, sha256: createHash('sha256').update(form.logo.bytes).digest('hex') }
    : isRemoving
      ? { kind: 'remove' }
      : { kind: 'keep' };
  return deps.db.transaction().execute(async (transaction) => {
    const account = await requirePermission(transaction, actor, accountId, 'members:manage');
    await upsertBranding(transaction, account, { displayName: fields.displayName, colour: fields.colour, logo, updatedBy: actor.userId });
    await recordAuditEvent(transaction, {
      event: 'branding.changed',
      userId: actor.userId,
      accountId: account,
      ip: actor.ip,
      details: { displayName: fields.displayName, colour: fields.colour, logo: logo.kind === 'replace' ? logo.sha256 : logo.kind },
    });
    return memberBranding(account, await findEffectiveBranding(transaction, account));
  });
}

/** Removes the account's own branding (admins): it shows its manager's or the default again. */
export async function removeBranding(deps: Deps, actor: Actor, accountId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const account = await requirePermission(transaction, actor, accountId, 'members:manage');
    const wasRemoved = await deleteBranding(transaction, account);
    if (wasRemoved) await recordAuditEvent(transaction, { event: 'branding.removed', userId: actor.userId, accountId: account, ip: actor.ip });
  });
}

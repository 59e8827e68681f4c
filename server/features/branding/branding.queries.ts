import { sql } from 'kysely';
import type { BrandingLogoContentType } from '../../../shared/schemas/branding.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';

/** A branding row without its logo's bytes: what an answer needs, without reading up to 500 kB. */
export interface BrandingRow {
  displayName: string;
  colour: string;
  logoSha256: string | null;
}

export interface EffectiveBrandingRow {
  accountName: string;
  own: BrandingRow | null;
  /** The manager account's own branding, for a customer account without its own. */
  manager: BrandingRow | null;
}

/**
 * The account's name, its own branding and its manager's (a customer account's), in one read;
 * undefined for an account that does not exist.
 */
export async function findEffectiveBrandingRows(db: Db, accountId: AccountId): Promise<EffectiveBrandingRow | undefined> {
  const result = await sql<{
    accountName: string;
    ownName: string | null;
    ownColour: string | null;
    ownSha256: string | null;
    managerName: string | null;
    managerColour: string | null;
    managerSha256: string | null;
  }>`
    select a.name as "accountName",
      own.display_name as "ownName", own.colour as "ownColour", own.logo_sha256 as "ownSha256",
      manager.display_name as "managerName", manager.colour as "managerColour", manager.logo_sha256 as "managerSha256"
    from accounts a
    left join account_branding own on own.account_id = a.id
    left join account_branding manager on manager.account_id = a.manager_account_id
    where a.id = ${accountId}`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    accountName: row.accountName,
    own: row.ownName === null || row.ownColour === null ? null : { displayName: row.ownName, colour: row.ownColour, logoSha256: row.ownSha256 },
    manager:
      row.managerName === null || row.managerColour === null
        ? null
        : { displayName: row.managerName, colour: row.managerColour, logoSha256: row.managerSha256 },
  };
}

/** The logo of the account whose branding applies (its own row, else its manager's), or undefined when that row has none. */
export async function findEffectiveLogo(db: Db, accountId: AccountId) {
  const result = await sql<{ logo: Buffer; contentType: BrandingLogoContentType; sha256: string }>`
    select b.logo, b.logo_content_type as "contentType", b.logo_sha256 as "sha256"
    from accounts a
    join account_branding b on b.account_id = coalesce(
      (select own.account_id from account_branding own where own.account_id = a.id), a.manager_account_id)
    where a.id = ${accountId} and b.logo is not null`.execute(db);
  return result.rows[0];
}

/** What a PUT changes about the logo: a new one, none any more, or the stored one kept. */
export type LogoChange = { kind: 'replace'; bytes: Buffer; contentType: BrandingLogoContentType; sha256: string } | { kind: 'remove' } | { kind: 'keep' };

/** Inserts or replaces the account's own branding in one statement. */
export async function upsertBranding(db: Db, accountId: AccountId, values: { displayName: string; colour: string; logo: LogoChange; updatedBy: string }) {
  const logo =
    values.logo.kind === 'replace'
      ? { logo: values.logo.bytes, logo_content_type: values.logo.contentType, logo_sha256: values.logo.sha256 }
      : values.logo.kind === 'remove'
        ? { logo: null, logo_content_type: null, logo_sha256: null }
        : {};
  await db
    .insertInto('account_branding')
    .values({ account_id: accountId, display_name: values.displayName, colour: values.colour, updated_by: values.updatedBy, ...logo })
    .onConflict((conflict) =>
      conflict.column('account_id').doUpdateSet({
        display_name: values.displayName,
        colour: values.colour,
        updated_by: values.updatedBy,
        updated_at: sql<Date>`now()`,
        ...logo,
      }),
    )
    .execute();
}

/** Whether the account had branding of its own to remove. */
export async function deleteBranding(db: Db, accountId: AccountId): Promise<boolean> {
  const result = await db.deleteFrom('account_branding').where('account_id', '=', accountId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

import sharp from 'sharp';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import { findEffectiveLogo } from '../branding/branding.queries.ts';
import { findEffectiveBranding } from '../branding/branding.service.ts';

/** The brand on the report's first page: the display name in the brand colour, and the logo with its size in pixels. */
export interface ReportBranding {
  displayName: string;
  colour: string;
  logo: { bytes: Buffer; width: number; height: number } | null;
}

/**
 * The account's effective branding for its report, or null when it has none of its own or its
 * manager's: the default brand is the app's, and the report then looks as it always has. A logo
 * whose size sharp cannot read is left out rather than breaking the PDF half-way.
 */
export async function findReportBranding(db: Db, accountId: AccountId): Promise<ReportBranding | null> {
  const branding = await findEffectiveBranding(db, accountId);
  if (branding.source === 'default') return null;
  const logo = branding.logoVersion === null ? undefined : await findEffectiveLogo(db, accountId);
  return { displayName: branding.displayName, colour: branding.colour, logo: logo ? await measuredLogo(logo.logo) : null };
}

async function measuredLogo(bytes: Buffer): Promise<ReportBranding['logo']> {
  const { width, height } = await sharp(bytes)
    .metadata()
    .catch(() => ({ width: undefined, height: undefined }));
  return width && height ? { bytes, width, height } : null;
}

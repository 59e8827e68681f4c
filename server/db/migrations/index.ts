import type { Migration } from 'kysely/migration';
import * as accountsAndAuthentication from './0001-accounts-and-authentication.ts';
import * as backupsAndOperators from './0002-backups-and-operators.ts';
import * as maintenancePlans from './0003-maintenance-plans.ts';
import * as planRevisions from './0004-plan-revisions.ts';
import * as displayPreferences from './0006-display-preferences.ts';
import * as twoFactor from './0007-two-factor.ts';
import * as passwordResetAndSessions from './0008-password-reset-and-sessions.ts';
import * as invitationsByAddress from './0009-invitations-by-address.ts';
import * as passkeys from './0010-passkeys.ts';
import * as planHistory from './0011-plan-history.ts';
import * as uniquePartNames from './0012-unique-part-names.ts';
import * as trash from './0013-trash.ts';
import * as planVersions from './0014-plan-versions.ts';
import * as library from './0015-library.ts';
import * as customerAccounts from './0016-customer-accounts.ts';
import * as accessPerProperty from './0017-access-per-property.ts';
import * as accountDeletionWarnings from './0018-account-deletion-warnings.ts';
import * as deferrableTenantReferences from './0019-deferrable-tenant-references.ts';
import * as shareLinks from './0020-share-links.ts';
import * as accountBranding from './0021-account-branding.ts';

/**
 * Every migration, in order. Listed explicitly (not read from the directory) so the set is
 * visible in review and works the same under tsx, Vitest and a bundle.
 */
export const migrations: Record<string, Migration> = {
  '0001-accounts-and-authentication': accountsAndAuthentication,
  '0002-backups-and-operators': backupsAndOperators,
  '0003-maintenance-plans': maintenancePlans,
  '0004-plan-revisions': planRevisions,
  '0006-display-preferences': displayPreferences,
  '0007-two-factor': twoFactor,
  '0008-password-reset-and-sessions': passwordResetAndSessions,
  '0009-invitations-by-address': invitationsByAddress,
  '0010-passkeys': passkeys,
  '0011-plan-history': planHistory,
  '0012-unique-part-names': uniquePartNames,
  '0013-trash': trash,
  '0014-plan-versions': planVersions,
  '0015-library': library,
  '0016-customer-accounts': customerAccounts,
  '0017-access-per-property': accessPerProperty,
  '0018-account-deletion-warnings': accountDeletionWarnings,
  '0019-deferrable-tenant-references': deferrableTenantReferences,
  '0020-share-links': shareLinks,
  '0021-account-branding': accountBranding,
};

import { setTimeout } from 'node:timers/promises';
import type { Transaction } from 'kysely';
import type { MoveOrganisationRequest, MovePropertyRequest } from '../../../shared/schemas/move.ts';
import type { Actor } from '../../auth/actor.ts';
import { requirePermission, requireRowPermission } from '../../auth/require-permission.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { withIsoTimestamps } from '../../http/timestamps.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import { recordChangesBy } from '../../plan-history/record-changes.ts';
import type { AttachmentStorage } from '../attachments/attachment-storage.ts';
import { findOrganisation } from '../organisations/organisations.queries.ts';
import { findProperty } from '../properties/properties.queries.ts';
import { copyStoredFiles, deleteStoredFiles } from './copy-stored-files.ts';
import * as queries from './moves.queries.ts';

export interface MoveDeps extends Deps {
  storage: AttachmentStorage;
}

/** Files written under the new account before commit, and the old ones to delete after it. */
interface FileMoves {
  written: string[];
  replaced: string[];
}

/**
 * Moves a property with everything it holds to another organisation, of the same account or of
 * another one (docs/decisions/0043-moving-between-accounts.md). The actor needs `plans:write` on the
 * property, on its whole account (a member limited to some properties may not take data out of it)
 * and on the target organisation; an unknown or foreign property or organisation is a 404, and
 * nothing changes. Answers the property as GET /api/properties/:id does.
 */
export async function moveProperty(deps: MoveDeps, actor: Actor, propertyId: string, input: MovePropertyRequest) {
  return withFileMoves(deps, async (transaction, files) => {
    const from = await requireRowPermission(transaction, actor, 'properties', propertyId, 'plans:write', 'Property');
    await requirePermission(transaction, actor, from, 'plans:write');
    const to = await requireRowPermission(transaction, actor, 'organisations', input.organisationId, 'plans:write', 'Organisation', { forKeyShare: true });
    await recordChangesBy(transaction, actor);
    if ((await queries.lockMovedRows(transaction, from, [propertyId])) === 0) throw notFound('Property');
    if (from !== to) {
      await moveAcrossAccounts(deps, transaction, files, { from, to, propertyIds: [propertyId] });
      const details = { propertyId, organisationId: input.organisationId, fromAccountId: from, toAccountId: to };
      await recordMoveEvents(transaction, actor, 'property.moved', details);
    }
    await queries.setOrganisationOfProperty(transaction, to, propertyId, input.organisationId);
    const property = await findProperty(transaction, to, propertyId);
    if (!property) throw notFound('Property');
    return withIsoTimestamps(property);
  });
}

/**
 * Moves an organisation with its properties and everything they hold to another account, with the
 * same permissions as moving a property: `plans:write` on the organisation's account and on the
 * target account (as its member or as a member of its manager account). Moving it into its own
 * account changes nothing. Answers the organisation as GET /api/organisations/:id does.
 */
export async function moveOrganisation(deps: MoveDeps, actor: Actor, organisationId: string, input: MoveOrganisationRequest) {
  return withFileMoves(deps, async (transaction, files) => {
    const from = await requireRowPermission(transaction, actor, 'organisations', organisationId, 'plans:write', 'Organisation');
    await requirePermission(transaction, actor, from, 'plans:write');
    const to = await requirePermission(transaction, actor, input.accountId, 'plans:write');
    await recordChangesBy(transaction, actor);
    if (!(await queries.lockOrganisation(transaction, from, organisationId))) throw notFound('Organisation');
    const propertyIds = await queries.listPropertyIdsOfOrganisation(transaction, from, organisationId);
    await queries.lockMovedRows(transaction, from, propertyIds);
    if (from !== to) {
      await moveAcrossAccounts(deps, transaction, files, { from, to, propertyIds, organisationId });
      await queries.reassignOrganisation(transaction, from, to, organisationId);
      await recordMoveEvents(transaction, actor, 'organisation.moved', { organisationId, propertyIds, fromAccountId: from, toAccountId: to });
    }
    const organisation = await findOrganisation(transaction, to, organisationId);
    if (!organisation) throw notFound('Organisation');
    return withIsoTimestamps(organisation);
  });
}

async function moveAcrossAccounts(
  deps: MoveDeps,
  transaction: Transaction<Database>,
  files: FileMoves,
  move: { from: AccountId; to: AccountId; propertyIds: string[]; organisationId?: string },
): Promise<void> {
  const moved = await queries.findMovedSet(transaction, move.from, move.propertyIds, move.organisationId);
  files.written.push(...(await copyStoredFiles(deps.storage, moved.storageKeys, move.to)));
  files.replaced.push(...moved.storageKeys);
  await queries.reassignMovedRows(transaction, move.from, move.to, moved);
}

/** The move is part of both accounts' record: the one left and the one moved into. */
async function recordMoveEvents(
  transaction: Transaction<Database>,
  actor: Actor,
  event: 'property.moved' | 'organisation.moved',
  details: { fromAccountId: AccountId; toAccountId: AccountId } & Record<string, unknown>,
): Promise<void> {
  for (const accountId of [details.fromAccountId, details.toAccountId]) {
    await recordAuditEvent(transaction, { event, userId: actor.userId, accountId, ip: actor.ip, details });
  }
}

/** How often a move that found its rows locked by another write starts again, and how long it waits before it does (× the attempt). */
const lockAttempts = 30;
const lockRetryDelayMs = 20;

/**
 * Runs the move's transaction, again from the start while another write holds one of its rows
 * (moves.queries.ts, lockMovedRows). The files it copied are deleted again if it fails, and the files
 * it replaced once it has committed. A file left behind by a crash between the two is an orphan,
 * which the hourly sweep removes (server/features/attachments/sweep-orphan-attachment-files.ts).
 */
async function withFileMoves<Result>(deps: MoveDeps, move: (transaction: Transaction<Database>, files: FileMoves) => Promise<Result>): Promise<Result> {
  for (let attempt = 1; ; attempt += 1) {
    const files: FileMoves = { written: [], replaced: [] };
    let result: Result;
    try {
      result = await deps.db.transaction().execute((transaction) => move(transaction, files));
    } catch (error) {
      await deleteStoredFiles(deps.storage, files.written).catch((deleteError: unknown) => {
        deps.log.warn({ err: deleteError }, 'could not delete the files copied for a failed move; the orphan sweep will');
      });
      if (!queries.isLockNotAvailable(error)) throw error;
      if (attempt === lockAttempts) throw new AppError('unavailable', 'The plan is being changed right now; try the move again in a moment.', undefined, 2);
      await setTimeout(lockRetryDelayMs * attempt);
      continue;
    }
    await deleteStoredFiles(deps.storage, files.replaced).catch((deleteError: unknown) => {
      deps.log.warn({ err: deleteError }, 'could not delete the files of a moved property in its old account; the orphan sweep will');
    });
    return result;
  }
}

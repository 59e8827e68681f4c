import type { CreateOrganisationRequest, UpdateOrganisationRequest } from '../../../shared/schemas/organisation.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireAccountAccess, requirePermission, requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { withIsoTimestamps } from '../../http/timestamps.ts';
import * as queries from './organisations.queries.ts';
import { recordChangesBy } from '../../plan-history/record-changes.ts';
import { moveToTrash } from '../trash/move-to-trash.ts';

const what = 'Organisation';

export async function listOrganisations(deps: Deps, actor: Actor, accountIdInPath: string) {
  const access = await requireAccountAccess(deps.db, actor, accountIdInPath, 'account:read');
  return (await queries.listOrganisations(deps.db, access.accountId, access.propertyIds)).map(withIsoTimestamps);
}

export async function createOrganisation(deps: Deps, actor: Actor, accountIdInPath: string, input: CreateOrganisationRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requirePermission(transaction, actor, accountIdInPath, 'plans:write');
    return withIsoTimestamps(await queries.insertOrganisation(transaction, accountId, input));
  });
}

export async function getOrganisation(deps: Deps, actor: Actor, organisationId: string) {
  const accountId = await requireRowPermission(deps.db, actor, 'organisations', organisationId, 'account:read', what);
  const organisation = await queries.findOrganisation(deps.db, accountId, organisationId);
  if (!organisation) throw notFound(what);
  return withIsoTimestamps(organisation);
}

export async function updateOrganisation(deps: Deps, actor: Actor, organisationId: string, input: UpdateOrganisationRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'organisations', organisationId, 'plans:write', what);
    const organisation = await queries.updateOrganisation(transaction, accountId, organisationId, input);
    if (!organisation) throw notFound(what);
    return withIsoTimestamps(organisation);
  });
}

/** Moves the organisation with its properties and everything under them to the account's trash. */
export async function deleteOrganisation(deps: Deps, actor: Actor, organisationId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'organisations', organisationId, 'plans:write', what);
    await recordChangesBy(transaction, actor);
    if (!(await moveToTrash(transaction, accountId, 'organisation', [organisationId], actor))) throw notFound(what);
  });
}

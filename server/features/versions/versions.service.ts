import { analyseFund, analysePlan, type VatMode } from '../../../shared/cost-model/index.ts';
import type { CreateVersionRequest, Version, VersionDiffInput, VersionDiffQuery } from '../../../shared/schemas/version.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { openChangeSet } from '../../plan-history/change-sets.ts';
import { moveActionsToTrash } from '../trash/move-to-trash.ts';
import { restoreTrashItems } from '../trash/restore-trash-items.ts';
import { costInputsOf, type PlanData } from './version-data.ts';
import { diffPlanData, figuresOf, type SideOfDiff } from './version-diff.ts';
import * as queries from './versions.queries.ts';

const whatVersion = 'Version';

/**
 * Saves the plan as it is now (settings and every action's fields) under a name, with the
 * analysis total excluding VAT as GET /api/plans/:id/analysis computes it by default.
 */
export async function createVersion(deps: Deps, actor: Actor, planId: string, input: CreateVersionRequest): Promise<Version> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'plans', planId, 'plans:write', 'Plan');
    const data = await queries.findPlanData(transaction, accountId, planId);
    if (data === undefined) throw notFound('Plan');
    const versionId = await queries.insertVersion(transaction, accountId, planId, {
      name: input.name,
      note: input.note ?? '',
      createdBy: actor.userId,
      data,
      total: analysisTotalOf(data),
    });
    return findVersion(transaction, accountId, planId, versionId);
  });
}

export async function listVersions(deps: Deps, actor: Actor, planId: string): Promise<Version[]> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  return (await queries.listVersions(deps.db, accountId, planId)).map(serialiseVersion);
}

/**
 * The version (`from`) against the plan today or another version of the same plan (`to`). The plan
 * today's figures are those GET …/analysis and …/fund answer, from the plan snapshot's cache.
 */
export async function diffVersion(deps: Deps, actor: Actor, planId: string, versionId: string, query: VersionDiffQuery): Promise<VersionDiffInput> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const asOfYear = new Date().getUTCFullYear();
  const from = await findVersionData(deps.db, accountId, planId, versionId);
  const to = query.against === 'current' ? await currentSide(deps, accountId, planId, query.vat, asOfYear) : undefined;
  const other = query.against === 'current' ? undefined : await findVersionData(deps.db, accountId, planId, query.against);
  return diffPlanData({ data: from, figures: figuresOf(from, query.vat, asOfYear) }, to ?? { data: other!, figures: figuresOf(other!, query.vat, asOfYear) });
}

async function currentSide(deps: Deps, accountId: AccountId, planId: string, vat: VatMode, asOfYear: number): Promise<SideOfDiff> {
  const [data, snapshot] = await Promise.all([
    queries.findPlanData(deps.db, accountId, planId),
    deps.planSnapshots.read(accountId, planId, { costInputs: 'id' }),
  ]);
  if (data === undefined || snapshot === undefined) throw notFound('Plan');
  const options = { vat, includeInvestments: true, asOfYear };
  return {
    data,
    figures: {
      analysis: deps.planSnapshots.cachedAnalysis(snapshot, 'analysis', options, () => analysePlan(snapshot.planInput, snapshot.costInputs, options)),
      fund: deps.planSnapshots.cachedAnalysis(snapshot, 'fund', { vat }, () => analyseFund(snapshot.planInput, snapshot.costInputs, { vat })),
    },
  };
}

/**
 * Makes the plan's settings and actions (same ids) the version's again, in one transaction and one
 * change set: changed actions are set back, removed ones return with their ids (from the trash when
 * they are still there), and actions added since move to the trash. A building or location of the version that no longer exists is cleared, as
 * deleting it cleared it on the plan's own actions (docs/decisions/0034-plan-versions-as-json.md).
 */
export async function restoreVersion(deps: Deps, actor: Actor, planId: string, versionId: string): Promise<{ changeSetId: string }> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'plans', planId, 'plans:write', 'Plan');
    const propertyId = await queries.lockPlan(transaction, accountId, planId);
    if (propertyId === undefined) throw notFound('Plan');
    const [version] = await queries.listVersions(transaction, accountId, planId, versionId);
    if (version === undefined) throw notFound(whatVersion);
    // Every write below is one change set, and the history names each change "restored".
    const changeSetId = await openChangeSet(transaction, accountId, planId, 'version-restore', actor, { recordAs: 'restored' });
    await queries.restoreSettings(transaction, accountId, planId, versionId);
    // Added since: to the trash, where they can be brought back.
    await moveActionsToTrash(transaction, accountId, await queries.listActionsNotInVersion(transaction, accountId, planId, versionId), actor, changeSetId);
    // Deleted since and still in the trash: back from there, with their comments, completions and attachments.
    const trashed = await queries.listVersionActionsInTrash(transaction, accountId, planId, versionId);
    if (trashed.length > 0) await restoreTrashItems(transaction, accountId, trashed);
    await queries.restoreChangedActions(transaction, accountId, planId, propertyId, versionId);
    await queries.reinsertRemovedActions(transaction, accountId, planId, propertyId, versionId);
    // An id of the version now used outside this plan could not return: refuse rather than restore part of it.
    if ((await queries.countActions(transaction, accountId, planId)) !== version.actionCount) {
      throw new AppError('conflict', 'An action of this version cannot be restored: its id is in use elsewhere');
    }
    return { changeSetId };
  });
}

function analysisTotalOf(data: PlanData): number {
  const inputs = costInputsOf(data);
  return analysePlan(inputs.plan, inputs.actions, { vat: 'excl', includeInvestments: true, asOfYear: new Date().getUTCFullYear() }).total;
}

async function findVersionData(db: Db, accountId: AccountId, planId: string, versionId: string): Promise<PlanData> {
  const data = await queries.findVersionData(db, accountId, planId, versionId);
  if (data === undefined) throw notFound(whatVersion);
  return data;
}

async function findVersion(db: Db, accountId: AccountId, planId: string, versionId: string): Promise<Version> {
  const [row] = await queries.listVersions(db, accountId, planId, versionId);
  if (row === undefined) throw notFound(whatVersion);
  return serialiseVersion(row);
}

function serialiseVersion(row: Awaited<ReturnType<typeof queries.listVersions>>[number]): Version {
  return {
    id: row.id,
    name: row.name,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdById === null || row.createdByName === null ? null : { id: row.createdById, name: row.createdByName },
    actionCount: row.actionCount,
    total: row.total,
  };
}

import { analyseFund, analysePlan, planOccurrences } from '../../../shared/cost-model/index.ts';
import type { ReportQuery } from '../../../shared/schemas/report.ts';
import type { Actor } from '../../auth/actor.ts';
import type { AccountId } from '../../db/account-id.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { findReportBranding } from './report-branding.ts';
import { reportDataOf, reportSnapshotRequest } from './report-data.ts';
import { createReportDocument } from './report-document.ts';
import { reportFileName } from './report-file-name.ts';
import { reportTextsOf } from './report-texts.ts';

export interface PlanReport {
  fileName: string;
  /** The PDF, streamed while it is drawn. */
  document: NodeJS.ReadableStream;
}

/**
 * The board report of a plan (docs/product/api.md § Board report) for anyone who may read the account: every figure
 * from shared/cost-model with the same options as the API's defaults (investments included, the
 * maintenance debt as of the current UTC year), so the report and GET /analysis and /fund agree.
 */
export async function createPlanReport(deps: Deps, actor: Actor, planId: string, query: ReportQuery, now = new Date()): Promise<PlanReport> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  return createReportOfPlan(deps, accountId, planId, query, now);
}

/** The board report of an account's plan whose reader is already checked (a member, or a share link's holder). */
export async function createReportOfPlan(deps: Deps, accountId: AccountId, planId: string, query: ReportQuery, now = new Date()): Promise<PlanReport> {
  const snapshot = await deps.planSnapshots.read(accountId, planId, reportSnapshotRequest);
  if (!snapshot) throw notFound('Plan');
  const data = reportDataOf(snapshot, await findReportBranding(deps.db, accountId));
  const figures = {
    analysis: analysePlan(data.planInput, data.actions, { vat: query.vat, includeInvestments: true, asOfYear: now.getUTCFullYear() }),
    fund: analyseFund(data.planInput, data.actions, { vat: query.vat }),
    occurrences: planOccurrences(data.planInput, data.actions, { vat: query.vat, includeInvestments: true }),
  };
  const settings = { language: query.lang, vat: query.vat, isRounded: query.rounded, printedAt: now };
  return {
    fileName: reportFileName(reportTextsOf(query.lang).fileName, data.plan.name, data.property.name),
    document: createReportDocument(data, figures, settings),
  };
}

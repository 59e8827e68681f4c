import { planOccurrences } from '../../../shared/cost-model/index.ts';
import type { ReportQuery } from '../../../shared/schemas/report.ts';
import type { SharedPlanQuery } from '../../../shared/schemas/share-link.ts';
import { hashSecretToken } from '../../auth/secret-token.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { occurrencesResponseOf } from '../actions/occurrences-response.ts';
import { analysisOf, fundOf } from '../analysis/analysis.service.ts';
import { findEffectiveBranding, requireEffectiveLogo } from '../branding/branding.service.ts';
import { createReportOfPlan, type PlanReport } from '../reports/reports.service.ts';
import { findUsableShareLink } from './share-links.queries.ts';

/**
 * The costs in the order the analyses sum them (by id), so the analyses come from and go into the
 * same cache as the plan's own (`readForAnalysis`): the share view shows the plan's figures to the
 * bit. The action rows give the names and the list's order, which the occurrences are put in.
 */
const sharedPlanRequest = { costInputs: 'id', property: true, actionRows: true } as const;

/** The link a token opens; unknown, expired and revoked tokens are the same 404. */
async function requireShareLink(deps: Deps, token: string) {
  const link = await findUsableShareLink(deps.db, hashSecretToken(token));
  if (!link) throw notFound('Share link');
  return link;
}

/**
 * What the holder of a share link reads (docs/product/api.md § Share links): the one plan, with the
 * API's default analysis options (investments included, the maintenance debt as of the current UTC
 * year), and nothing else of its account.
 */
export async function readSharedPlan(deps: Deps, token: string, query: SharedPlanQuery, now = new Date()) {
  const link = await requireShareLink(deps, token);
  const snapshot = await deps.planSnapshots.read(link.accountId, link.planId, sharedPlanRequest);
  if (!snapshot) throw notFound('Share link');
  const branding = await findEffectiveBranding(deps.db, link.accountId);
  const listOrder = new Map(snapshot.actionRows.map((row, index) => [row.id, index]));
  const occurrences = planOccurrences(snapshot.planInput, snapshot.costInputs, { vat: query.vat, includeInvestments: true }).sort(
    (a, b) => a.year - b.year || listOrder.get(a.actionId)! - listOrder.get(b.actionId)!,
  );
  return {
    plan: { name: snapshot.plan.name, startYear: snapshot.plan.startYear, lengthYears: snapshot.plan.lengthYears },
    propertyName: snapshot.property.name,
    accountName: link.accountName,
    // The logo behind the token, like the rest: the holder is no member of the account.
    branding: {
      displayName: branding.displayName,
      colour: branding.colour,
      logoUrl: branding.logoVersion === null ? null : `/api/share/${token}/logo?v=${branding.logoVersion}`,
    },
    expiresAt: link.expiresAt.toISOString(),
    analysis: analysisOf(deps, snapshot, { vat: query.vat, includeInvestments: true, asOfYear: now.getUTCFullYear() }),
    fund: fundOf(deps, snapshot, { vat: query.vat }),
    actions: snapshot.actionRows.map((row) => ({ id: row.id, name: row.name, category: row.category, buildingName: row.buildingName })),
    occurrences: occurrencesResponseOf(occurrences),
  };
}

/** The logo of the shared plan's account's effective branding, or the same 404 when it has none. */
export async function readSharedPlanLogo(deps: Deps, token: string) {
  const link = await requireShareLink(deps, token);
  return requireEffectiveLogo(deps.db, link.accountId);
}

/** The plan's board report, as its members download it. */
export async function createSharedPlanReport(deps: Deps, token: string, query: ReportQuery): Promise<PlanReport> {
  const link = await requireShareLink(deps, token);
  return createReportOfPlan(deps, link.accountId, link.planId, query);
}

import type { CreateShareLinkRequest, CreateShareLinkResponse, ShareLink } from '../../../shared/schemas/share-link.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import { createSecretToken } from '../../auth/secret-token.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import { deleteShareLink, insertShareLink, listShareLinks } from './share-links.queries.ts';

/**
 * A new link to a read-only view of the plan (docs/decisions/0046-share-links.md). The token is in
 * the answer's url and nowhere else: only its hash is stored, and neither the log nor the audit
 * event carries it.
 */
export async function createShareLink(deps: Deps, actor: Actor, planId: string, input: CreateShareLinkRequest): Promise<CreateShareLinkResponse> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'plans', planId, 'plans:write', 'Plan', { forKeyShare: true });
    const { token, tokenHash } = createSecretToken();
    const link = await insertShareLink(transaction, accountId, {
      planId,
      tokenHash,
      label: input.label,
      expiresAt: new Date(input.expiresAt),
      createdBy: actor.userId,
    });
    const expiresAt = link.expiresAt.toISOString();
    await recordAuditEvent(transaction, {
      event: 'share_link.created',
      userId: actor.userId,
      accountId,
      ip: actor.ip,
      details: { shareLinkId: link.id, planId, label: input.label, expiresAt },
    });
    return { id: link.id, url: `${deps.config.publicUrl}/share/${token}`, expiresAt };
  });
}

/** The plan's links for anyone who may read the plan: whom it was shared with and until when, never a token. */
export async function listPlanShareLinks(deps: Deps, actor: Actor, planId: string): Promise<ShareLink[]> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const rows = await listShareLinks(deps.db, accountId, planId);
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.creatorId === null || row.creatorName === null ? null : { id: row.creatorId, name: row.creatorName },
    isExpired: row.isExpired,
  }));
}

/** Revokes a link at once: its token then opens nothing (the same 404 as an unknown token). */
export async function revokeShareLink(deps: Deps, actor: Actor, shareLinkId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'share_links', shareLinkId, 'plans:write', 'Share link');
    const deleted = await deleteShareLink(transaction, accountId, shareLinkId);
    if (!deleted) throw notFound('Share link');
    await recordAuditEvent(transaction, {
      event: 'share_link.revoked',
      userId: actor.userId,
      accountId,
      ip: actor.ip,
      details: { shareLinkId, planId: deleted.planId, label: deleted.label },
    });
  });
}

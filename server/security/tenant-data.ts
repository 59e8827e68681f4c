import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { multipartBody } from '../test-support/attachment-uploads.ts';
import { created, createPropertyWithPlan, type Person, type Team } from '../test-support/plan-data.ts';
import type { AccountId } from '../db/account-id.ts';

/** The ids of one account's full data set: every kind of id a route can take. */
export interface TenantData {
  accountId: AccountId;
  organisationId: string;
  propertyId: string;
  buildingId: string;
  locationId: string;
  planId: string;
  /** A recurring action with a building, a location, tags and a note. */
  actionId: string;
  /** A one-off action that has been completed (its history has one completion). */
  completedActionId: string;
  commentId: string;
  attachmentId: string;
  /** A deleted action, in the account's trash. */
  trashedActionId: string;
  /** A member of the account other than the admin. */
  memberUserId: string;
  /** A pending invitation. */
  invitationId: string;
  /** The change set of rolling the plan forward from 2026 to 2027 (undoable). */
  changeSetId: string;
  /** A saved version of the plan: both actions, before the one-off was completed. */
  versionId: string;
  /** An item of the account's own library, which the recurring action is linked to. */
  libraryItemId: string;
  /** A customer account that this account manages. */
  customerAccountId: string;
  /** An organisation of that customer account: where a move takes the property. */
  customerOrganisationId: string;
  /** A share link of the plan. */
  shareLinkId: string;
}

export type IdKind = keyof TenantData;

/** A request body and the headers it needs (multipart uploads carry their own content type). */
export interface RequestBody {
  payload: unknown;
  headers?: Record<string, string>;
}

export const json = (payload: unknown): RequestBody => ({ payload });

/** A 1 × 1 PNG: real magic bytes, so an upload is refused only for who sends it, never for what. */
export const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/**
 * One multipart part named `file`. The name travels as RFC 5987 `filename*` so that any
 * character (quotes, angle brackets) arrives as sent instead of breaking the header.
 */
export function fileUpload(fileName: string, bytes: Buffer = tinyPng, contentType = 'image/png'): RequestBody {
  const boundary = `kvarter-security-${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The account's branding form: a display name, a colour and the tiny PNG as its logo. */
export function brandingForm(displayName: string): RequestBody {
  const { body, contentType } = multipartBody([
    { field: 'displayName', value: displayName },
    { field: 'colour', value: '#1D4F91' },
    { field: 'logo', fileName: 'logo.png', contentType: 'image/png', content: tinyPng },
  ]);
  return { payload: body, headers: { 'content-type': contentType } };
}

let invitationCounter = 0;
/** A new e-mail address each time: an invitation of an address already invited would be refused. */
export const freshInviteeEmail = (): string => `invitee-${++invitationCounter}-${randomUUID().slice(0, 8)}@example.se`;

export interface TenantDataOptions {
  /** Who writes the comment and uploads the attachment (default: the admin). */
  contentAuthor?: Person;
  /** The member that member routes act on (default: the editor). */
  memberUserId?: string;
  /** Called once the property exists, before any content is added (to give a limited member access to it). */
  onProperty?: (propertyId: string) => Promise<void>;
}

/**
 * A full data set in `team`'s account, made through the API by its admin: organisation, property,
 * building, location, plan, a recurring action, a completed one-off action, a comment, an
 * attachment, a deleted action in the trash, a pending invitation and the account's own branding
 * with a logo.
 */
export async function createTenantData(team: Team, options: TenantDataOptions = {}): Promise<TenantData> {
  const admin = team.admin.client;
  const author = options.contentAuthor ?? team.admin;
  const ids = await createPropertyWithPlan(admin, team.accountId);
  await options.onProperty?.(ids.propertyId);
  const libraryItem = created<{ id: string }>(
    await admin.post(`/api/accounts/${team.accountId}/library-items`, {
      name: 'Byte av takpapp, eget pris',
      category: 'yttertak',
      unit: 'm2',
      lifetimeYears: 30,
      unitPrice: 640.5,
      priceYear: 2026,
    }),
  );
  const action = created<{ id: string }>(
    await admin.post(`/api/plans/${ids.planId}/actions`, {
      name: 'Byte av takpapp',
      category: 'yttertak',
      buildingId: ids.buildingId,
      locationId: ids.locationId,
      quantity: 450,
      unit: 'm2',
      unitPrice: 640.5,
      year: 2031,
      intervalYears: 30,
      tags: ['P-1'],
      note: 'Enligt besiktning',
      libraryItemId: libraryItem.id,
    }),
  );
  const oneOff = created<{ id: string }>(
    await admin.post(`/api/plans/${ids.planId}/actions`, { name: 'Relining', category: 'avlopp', quantity: 1, unit: 'st', unitPrice: 90000, year: 2027 }),
  );
  // Saved before the completion, so restoring it changes the plan.
  const version = created<{ id: string }>(await admin.post(`/api/plans/${ids.planId}/versions`, { name: 'Antagen vid stämman 2027' }));
  created(await admin.post(`/api/actions/${oneOff.id}/complete`, { year: 2027, actualCost: 88000, note: 'Klart' }));
  const trashed = created<{ id: string }>(
    await admin.post(`/api/plans/${ids.planId}/actions`, { name: 'Rivning', category: 'stomme', quantity: 1, unit: 'st', unitPrice: 5000, year: 2029 }),
  );
  expect((await admin.delete(`/api/actions/${trashed.id}`)).statusCode).toBe(204);

  const comment = created<{ id: string }>(await author.client.post(`/api/actions/${action.id}/comments`, { body: 'Besiktigat' }));
  const upload = fileUpload('tak.png');
  const attachment = created<{ id: string }>(await author.client.request('POST', `/api/actions/${action.id}/attachments`, upload.payload, upload.headers));
  const invitation = created<{ status: string; invitation: { id: string } }>(
    await admin.post(`/api/accounts/${team.accountId}/members`, { email: freshInviteeEmail(), role: 'viewer' }),
  );
  expect(invitation.status).toBe('invited');
  const shareLink = created<{ id: string }>(
    await admin.post(`/api/plans/${ids.planId}/share-links`, { expiresAt: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString(), label: 'Banken' }),
  );
  const rolledForward = await admin.patch(`/api/plans/${ids.planId}`, { startYear: 2027 });
  expect(rolledForward.statusCode).toBe(200);
  const customerAccountId = created<{ accountId: string }>(await admin.post(`/api/accounts/${team.accountId}/customers`, { name: 'Brf Kund' })).accountId;
  const branding = brandingForm('Förvaltaren');
  expect((await admin.request('PUT', `/api/accounts/${team.accountId}/branding`, branding.payload, branding.headers)).statusCode).toBe(200);
  const customerOrganisation = created<{ id: string }>(await admin.post(`/api/accounts/${customerAccountId}/organisations`, { name: 'Brf Kund' }));

  return {
    accountId: team.accountId,
    ...ids,
    actionId: action.id,
    completedActionId: oneOff.id,
    commentId: comment.id,
    attachmentId: attachment.id,
    trashedActionId: trashed.id,
    memberUserId: options.memberUserId ?? team.editor.userId,
    invitationId: invitation.invitation.id,
    changeSetId: (rolledForward.json() as { changeSetId: string }).changeSetId,
    versionId: version.id,
    libraryItemId: libraryItem.id,
    customerAccountId,
    customerOrganisationId: customerOrganisation.id,
    shareLinkId: shareLink.id,
  };
}

/** The route's path with its parameters filled from `data`. */
export function fillUrl(url: string, ids: Record<string, IdKind>, data: TenantData): string {
  return url.replace(/:(\w+)/g, (_match, name: string) => {
    const kind = ids[name];
    if (!kind) throw new Error(`${url}: no id kind for :${name}`);
    return data[kind];
  });
}

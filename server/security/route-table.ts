import type { Role } from '../../shared/schemas/role.ts';
import { routeKey, type AppRoute, type HttpMethod } from './app-routes.ts';
import { builtinLibrary } from '../features/library/builtin-library.ts';
import { brandingForm, fileUpload, freshInviteeEmail, json, type IdKind, type RequestBody, type TenantData } from './tenant-data.ts';

/** What one role gets from a write, and on whose content it acts when that matters. */
export interface RoleCase {
  label: string;
  /** For comments and attachments: the acting role's own, or another member's. */
  contentBy?: 'self' | 'other';
  expected: Record<Role, number>;
}

/** A route that reaches tenant data: which id each path parameter is, and a valid request. */
export interface TenantRoute extends AppRoute {
  ids: Record<string, IdKind>;
  /** A valid body (writes): validation runs before the permission check, so a 404 is about tenancy. */
  body?: (data: TenantData) => RequestBody;
  /** Expected answers per role; every write route has them. */
  roles?: RoleCase[];
  /** What a member limited to the route's own property gets, where it differs from their role's answer (scoped-member.test.ts). */
  limitedMembers?: { viewer: number; editor: number };
}

/** A route that takes no tenant id, and why it is outside the matrices. */
export interface ExemptRoute extends AppRoute {
  reason: string;
}

const planWrite = (status: number): RoleCase[] => [{ label: 'plan data', expected: { viewer: 403, editor: status, admin: status } }];
const membersManage = (status: number): RoleCase[] => [{ label: 'members', expected: { viewer: 403, editor: 403, admin: status } }];
const everyRole = (status: number): RoleCase[] => [{ label: 'every member', expected: { viewer: status, editor: status, admin: status } }];
const name = (value: string) => () => json({ name: value });

const route = (method: HttpMethod, url: string, ids: Record<string, IdKind>, rest: Omit<TenantRoute, 'method' | 'url' | 'ids'> = {}): TenantRoute => ({
  method,
  url,
  ids,
  ...rest,
});

const account = { accountId: 'accountId' } as const;
const organisation = { id: 'organisationId' } as const;
const property = { id: 'propertyId' } as const;
const plan = { id: 'planId' } as const;
const action = { id: 'actionId' } as const;

export const tenantRoutes: TenantRoute[] = [
  route('GET', '/api/accounts/:accountId', account),
  route('PATCH', '/api/accounts/:accountId', account, { body: () => json({ requireTwoFactor: false }), roles: membersManage(200) }),
  route('GET', '/api/accounts/:accountId/branding', account),
  route('GET', '/api/accounts/:accountId/branding/logo', account),
  route('PUT', '/api/accounts/:accountId/branding', account, { body: () => brandingForm('Förvaltaren AB'), roles: membersManage(200) }),
  route('DELETE', '/api/accounts/:accountId/branding', account, { roles: membersManage(204) }),
  route('GET', '/api/accounts/:accountId/members', account),
  route('POST', '/api/accounts/:accountId/members', account, { body: () => json({ email: freshInviteeEmail(), role: 'viewer' }), roles: membersManage(201) }),
  route(
    'PATCH',
    '/api/accounts/:accountId/members/:userId',
    { ...account, userId: 'memberUserId' },
    { body: () => json({ role: 'editor' }), roles: membersManage(200) },
  ),
  route('DELETE', '/api/accounts/:accountId/members/:userId', { ...account, userId: 'memberUserId' }, { roles: membersManage(204) }),
  route('DELETE', '/api/accounts/:accountId/invitations/:invitationId', { ...account, invitationId: 'invitationId' }, { roles: membersManage(204) }),
  route('POST', '/api/accounts/:accountId/invitations/:invitationId/link', { ...account, invitationId: 'invitationId' }, { roles: membersManage(200) }),

  route('GET', '/api/accounts/:accountId/organisations', account),
  route('POST', '/api/accounts/:accountId/organisations', account, { body: name('Brf Intrång'), roles: planWrite(201) }),
  route('GET', '/api/organisations/:id', organisation),
  route('PATCH', '/api/organisations/:id', organisation, { body: name('Brf Omdöpt'), roles: planWrite(200) }),
  route('DELETE', '/api/organisations/:id', organisation, { roles: planWrite(204) }),

  route('GET', '/api/organisations/:id/properties', organisation),
  route('POST', '/api/organisations/:id/properties', organisation, { body: name('Eken 9'), roles: planWrite(201) }),
  route('GET', '/api/properties/:id', property),
  route('PATCH', '/api/properties/:id', property, { body: () => json({ name: 'Eken 5', boa: 1200 }), roles: planWrite(200) }),
  route('DELETE', '/api/properties/:id', property, { roles: planWrite(204) }),
  // Into the customer account the actor's account manages: there every member acts with their own role.
  route('POST', '/api/properties/:id/move', property, {
    body: (data) => json({ organisationId: data.customerOrganisationId }),
    roles: planWrite(200),
    // Taking a property out of the account needs plans:write on all of it (docs/decisions/0043-moving-between-accounts.md).
    limitedMembers: { viewer: 403, editor: 403 },
  }),
  route('POST', '/api/organisations/:id/move', organisation, { body: (data) => json({ accountId: data.customerAccountId }), roles: planWrite(200) }),

  route('GET', '/api/properties/:id/buildings', property),
  route('POST', '/api/properties/:id/buildings', property, { body: name('Hus B'), roles: planWrite(201) }),
  route('PATCH', '/api/buildings/:id', { id: 'buildingId' }, { body: name('Hus C'), roles: planWrite(200) }),
  route('DELETE', '/api/buildings/:id', { id: 'buildingId' }, { roles: planWrite(204) }),

  route('GET', '/api/properties/:id/locations', property),
  route('POST', '/api/properties/:id/locations', property, { body: name('Källare'), roles: planWrite(201) }),
  route('PATCH', '/api/locations/:id', { id: 'locationId' }, { body: name('Vind'), roles: planWrite(200) }),
  route('DELETE', '/api/locations/:id', { id: 'locationId' }, { roles: planWrite(204) }),

  route('GET', '/api/properties/:id/plans', property),
  route('POST', '/api/properties/:id/plans', property, { body: () => json({ name: 'Plan 2027', startYear: 2027 }), roles: planWrite(201) }),
  route('GET', '/api/plans/:id', plan),
  route('PATCH', '/api/plans/:id', plan, { body: () => json({ name: 'Plan omdöpt', fund: { openingBalance: 100000 } }), roles: planWrite(200) }),
  route('DELETE', '/api/plans/:id', plan, { roles: planWrite(204) }),

  route('GET', '/api/plans/:id/actions', plan),
  route('POST', '/api/plans/:id/actions', plan, {
    body: () => json({ name: 'Byte av fönster', category: 'fasad', quantity: 40, unit: 'st', unitPrice: 12000, year: 2030 }),
    roles: planWrite(201),
  }),
  route('POST', '/api/plans/:id/actions/bulk-update', plan, {
    body: (data) => json({ actionIds: [data.actionId, data.completedActionId], changes: { year: 2035 } }),
    roles: planWrite(200),
  }),
  route('GET', '/api/plans/:id/occurrences', plan),
  route('GET', '/api/plans/:id/analysis', plan),
  route('GET', '/api/plans/:id/fund', plan),
  route('GET', '/api/plans/:id/template.xlsx', plan),
  route('GET', '/api/plans/:id/export.xlsx', plan),
  route('POST', '/api/plans/:id/import', plan, {
    body: () => fileUpload('plan.csv', Buffer.from('Åtgärd;Kategori;Mängd;Enhet;À-pris;År\r\nByte av fönster;fasad;40;st;12000;2030\r\n'), 'text/csv'),
    roles: planWrite(200),
  }),
  route('GET', '/api/plans/:id/report.pdf', plan),
  route('GET', '/api/plans/:id/share-links', plan),
  route('POST', '/api/plans/:id/share-links', plan, {
    body: () => json({ expiresAt: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString(), label: 'Banken' }),
    roles: planWrite(201),
  }),
  route('DELETE', '/api/share-links/:id', { id: 'shareLinkId' }, { roles: planWrite(204) }),
  route('POST', '/api/plans/:id/actions/bulk-delete', plan, { body: (data) => json({ ids: [data.actionId, data.completedActionId] }), roles: planWrite(200) }),

  route('GET', '/api/accounts/:accountId/trash', account),
  route('POST', '/api/trash/:id/restore', { id: 'trashedActionId' }, { roles: planWrite(200) }),

  route('GET', '/api/plans/:id/versions', plan),
  route('POST', '/api/plans/:id/versions', plan, { body: name('Antagen vid stämman 2028'), roles: planWrite(201) }),
  route('GET', '/api/plans/:id/versions/:versionId/diff', { ...plan, versionId: 'versionId' }),
  route('POST', '/api/plans/:id/versions/:versionId/restore', { ...plan, versionId: 'versionId' }, { roles: planWrite(200) }),

  route('GET', '/api/accounts/:accountId/customers', account),
  route('POST', '/api/accounts/:accountId/customers', account, { body: name('Brf Kund'), roles: membersManage(201) }),
  route('PATCH', '/api/customers/:accountId', { accountId: 'customerAccountId' }, { body: () => json({ status: 'active' }), roles: membersManage(200) }),
  route('GET', '/api/accounts/:accountId/portfolio', account),
  route('GET', '/api/accounts/:accountId/library-items', account),
  route('POST', '/api/accounts/:accountId/library-items', account, {
    body: () => json({ name: 'Byte av entrédörr', category: 'fasad', unit: 'st', lifetimeYears: 35, unitPrice: 41000, priceYear: 2026 }),
    roles: planWrite(201),
  }),
  route('PATCH', '/api/library-items/:id', { id: 'libraryItemId' }, { body: () => json({ unitPrice: 650 }), roles: planWrite(200) }),
  route('DELETE', '/api/library-items/:id', { id: 'libraryItemId' }, { roles: planWrite(204) }),
  route('GET', '/api/accounts/:accountId/library-items/export', account, { roles: planWrite(200) }),
  route('POST', '/api/accounts/:accountId/library-items/import', account, {
    body: () =>
      fileUpload('bibliotek.csv', Buffer.from('Namn;Kategori;Enhet;Livslängd;À-pris;Prisår\r\nByte av entrédörr;fasad;st;35;41000;2026\r\n'), 'text/csv'),
    roles: planWrite(200),
  }),
  route('POST', '/api/plans/:id/generate', plan, {
    // onExisting: every role's request creates the drafts, whoever generated them first.
    body: () => json({ components: [{ componentId: builtinLibrary().components[0]!.id }], onExisting: 'add' }),
    roles: planWrite(201),
  }),
  route('GET', '/api/plans/:id/reprice', plan),
  route('POST', '/api/plans/:id/reprice', plan, { body: () => json({}), roles: planWrite(200) }),

  route('GET', '/api/actions/:id', action),
  route('PATCH', '/api/actions/:id', action, { body: () => json({ name: 'Byte av takplåt', status: 'urgent' }), roles: planWrite(200) }),
  route('DELETE', '/api/actions/:id', action, { roles: planWrite(204) }),
  route('POST', '/api/actions/:id/complete', action, { body: () => json({ year: 2031, actualCost: 300000, note: 'Utfört' }), roles: planWrite(201) }),

  route('GET', '/api/actions/:id/history', action),
  route('GET', '/api/plans/:id/history', plan),
  route('POST', '/api/change-sets/:id/undo', { id: 'changeSetId' }, { roles: planWrite(200) }),

  route('GET', '/api/actions/:id/comments', action),
  route('POST', '/api/actions/:id/comments', action, { body: () => json({ body: 'Sett på plats' }), roles: everyRole(201) }),
  route(
    'DELETE',
    '/api/comments/:id',
    { id: 'commentId' },
    {
      roles: [
        { label: 'own comment', contentBy: 'self', expected: { viewer: 204, editor: 204, admin: 204 } },
        { label: "another member's comment", contentBy: 'other', expected: { viewer: 403, editor: 403, admin: 204 } },
      ],
    },
  ),
  route('GET', '/api/actions/:id/attachments', action),
  route('POST', '/api/actions/:id/attachments', action, { body: () => fileUpload('foto.png'), roles: everyRole(201) }),
  route('GET', '/api/attachments/:id/content', { id: 'attachmentId' }),
  route('GET', '/api/attachments/:id/thumbnail', { id: 'attachmentId' }),
  route(
    'DELETE',
    '/api/attachments/:id',
    { id: 'attachmentId' },
    {
      roles: [
        { label: 'own attachment', contentBy: 'self', expected: { viewer: 204, editor: 204, admin: 204 } },
        { label: "another member's attachment", contentBy: 'other', expected: { viewer: 403, editor: 204, admin: 204 } },
      ],
    },
  ),
];

export const exemptRoutes: ExemptRoute[] = [
  {
    method: 'GET',
    url: '/api/library/items',
    reason: "the built-in items, and an account's own only after its membership check (?accountId=; cross-account in library.routes.test.ts)",
  },
  { method: 'GET', url: '/api/library/components', reason: 'the built-in components: the same for every installation, no account data' },
  { method: 'GET', url: '/healthz', reason: 'liveness probe: no session, no data' },
  { method: 'GET', url: '/readyz', reason: 'readiness probe (the database answers): no session, no data' },
  { method: 'POST', url: '/api/auth/signup', reason: 'creates a new account of its own; no id' },
  { method: 'POST', url: '/api/accounts', reason: "creates another account of the caller's own, who becomes its admin; no id" },
  { method: 'POST', url: '/api/auth/login', reason: 'credentials only; brute force in auth.routes.test.ts' },
  { method: 'POST', url: '/api/auth/logout', reason: "ends the caller's own session" },
  { method: 'GET', url: '/api/auth/me', reason: "the caller's own user and memberships" },
  { method: 'GET', url: '/api/auth/csrf', reason: "the caller's own CSRF token" },
  { method: 'POST', url: '/api/auth/password', reason: "the caller's own password" },
  { method: 'POST', url: '/api/auth/password-reset', reason: 'an e-mail address only, 202 alike for every address (password-reset.routes.test.ts)' },
  {
    method: 'POST',
    url: '/api/auth/password-reset/confirm',
    reason: 'the token is a secret capability, not a tenant id; guessing in password-reset.routes.test.ts',
  },
  { method: 'GET', url: '/api/auth/sessions', reason: "the caller's own sessions" },
  {
    method: 'DELETE',
    url: '/api/auth/sessions/:id',
    reason: "the caller's own sessions, not account data; another user's id is 404 and ends nothing (sessions.routes.test.ts)",
  },
  { method: 'PATCH', url: '/api/auth/display-preferences', reason: "the caller's own display preferences (auth.routes.test.ts)" },
  { method: 'POST', url: '/api/auth/totp/setup', reason: "the caller's own second factor (two-factor.routes.test.ts)" },
  { method: 'POST', url: '/api/auth/totp/enable', reason: "the caller's own second factor (two-factor.routes.test.ts)" },
  { method: 'POST', url: '/api/auth/totp/disable', reason: "the caller's own second factor, behind password and code (two-factor.routes.test.ts)" },
  {
    method: 'POST',
    url: '/api/auth/login/second-factor',
    reason: 'the pending sign-in of the caller’s own session; brute force in two-factor.routes.test.ts',
  },
  { method: 'GET', url: '/api/auth/passkeys', reason: "the caller's own passkeys (passkeys.routes.test.ts)" },
  { method: 'POST', url: '/api/auth/passkeys/registration/options', reason: "a challenge for the caller's own new passkey (passkeys.routes.test.ts)" },
  { method: 'POST', url: '/api/auth/passkeys/registration/verify', reason: "the caller's own new passkey (passkeys.routes.test.ts)" },
  {
    method: 'DELETE',
    url: '/api/auth/passkeys/:id',
    reason: "the caller's own passkey; another user's id is the same 404 as none (passkeys.routes.test.ts)",
  },
  {
    method: 'POST',
    url: '/api/auth/passkeys/second-factor/options',
    reason: 'the pending sign-in of the caller’s own session (passkeys.routes.test.ts)',
  },
  {
    method: 'POST',
    url: '/api/auth/passkeys/second-factor/verify',
    reason: 'the pending sign-in of the caller’s own session; another user’s passkey and brute force in passkeys.routes.test.ts',
  },
  { method: 'POST', url: '/api/auth/passkeys/sign-in/options', reason: 'a challenge for signing in; no user yet' },
  { method: 'POST', url: '/api/auth/passkeys/sign-in/verify', reason: 'credentials only; unknown and foreign credentials in passkeys.routes.test.ts' },
  { method: 'GET', url: '/api/categories', reason: 'reference data shared by every account' },
  {
    method: 'GET',
    url: '/api/benchmarks/maintenance-debt-per-m2',
    reason: 'installation-wide quartiles that name no property or account, only from 10 properties (benchmarks.routes.test.ts)',
  },
  { method: 'GET', url: '/api/attachments/limits', reason: 'the installation-wide upload limits (size, file types), the same for every account' },
  { method: 'GET', url: '/api/ops/status', reason: 'installation-wide backup status for operators, not account data' },
  {
    method: 'GET',
    url: '/api/auth/invitations',
    reason: "the caller's own invitations, found by their own e-mail address (received-invitations.routes.test.ts)",
  },
  {
    method: 'POST',
    url: '/api/auth/invitations/:id/accept',
    reason: "the caller's own invitation; anyone else's id is 404 like an unknown one (received-invitations.routes.test.ts)",
  },
  {
    method: 'POST',
    url: '/api/auth/invitations/:id/decline',
    reason: "the caller's own invitation; anyone else's id is 404 like an unknown one (received-invitations.routes.test.ts)",
  },
  { method: 'GET', url: '/api/invitations/:token', reason: 'the token is a secret capability, not a tenant id (invitations.routes.test.ts)' },
  { method: 'POST', url: '/api/invitations/:token/accept', reason: 'the token is a secret capability, not a tenant id (invitations.routes.test.ts)' },
  {
    method: 'GET',
    url: '/api/share/:token',
    reason: 'the token is a secret capability for one plan, not a tenant id; tried against every other route in share-links.routes.test.ts',
  },
  {
    method: 'GET',
    url: '/api/share/:token/logo',
    reason: 'the token is a secret capability for one plan, not a tenant id; tried against every other route in share-links.routes.test.ts',
  },
  {
    method: 'GET',
    url: '/api/share/:token/report.pdf',
    reason: 'the token is a secret capability for one plan, not a tenant id; tried against every other route in share-links.routes.test.ts',
  },
];

export interface Classification {
  /** Routes the app has that neither table lists: each one fails the suite. */
  unclassified: string[];
  /** Routes the tables list that the app does not have: the table is stale, which fails too. */
  absent: string[];
}

/** Compares the app's routes with the two tables. */
export function classifyRoutes(appRoutes: AppRoute[]): Classification {
  const present = new Set(appRoutes.map(routeKey));
  const listed = new Set([...tenantRoutes, ...exemptRoutes].map(routeKey));
  return {
    unclassified: [...present].filter((key) => !listed.has(key)),
    absent: [...tenantRoutes, ...exemptRoutes].filter((item) => !present.has(routeKey(item))).map(routeKey),
  };
}

import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { isoUint8Array } from '@simplewebauthn/server/helpers';
import type { FastifyRequest } from 'fastify';
import type { Passkey, RegisterPasskeyRequest } from '../../../shared/schemas/passkey.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, validationError } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import { findUserSummary } from '../two-factor/two-factor.queries.ts';
import { keepPasskeyChallenge, passkeyChallengeMs, takePasskeyChallenge } from './passkey-challenge.ts';
import { deletePasskey, insertPasskey, listCredentialDescriptors, listPasskeys } from './passkeys.queries.ts';
import { expectedRelyingParty, relyingPartyFor } from './relying-party.ts';

/**
 * EdDSA, ES256 and RS256: what authenticators use. Named here rather than left to the library,
 * whose default also probes Node's experimental post-quantum Web Crypto (a warning per call).
 */
const supportedAlgorithmIDs = [-8, -7, -257];

/** More than anyone needs (a phone, a computer, two security keys…), few enough to list on one screen. */
export const maxPasskeysPerUser = 20;

export async function findPasskeys(deps: Deps, actor: Actor): Promise<Passkey[]> {
  const rows = await listPasskeys(deps.db, actor.userId);
  return rows.map(toPasskey);
}

/**
 * Options for `navigator.credentials.create`. A discoverable credential is preferred (it lets the
 * user sign in without a password later) and user verification is preferred, not required: a
 * security key without a PIN still works as a second factor, and the passwordless sign-in asks
 * for verification itself (docs/decisions/0031-passkeys.md).
 */
export async function startPasskeyRegistration(deps: Deps, request: FastifyRequest, actor: Actor) {
  const existing = await listCredentialDescriptors(deps.db, actor.userId);
  if (existing.length >= maxPasskeysPerUser) throw new AppError('conflict', `At most ${maxPasskeysPerUser} passkeys per user.`);
  const user = await findUserSummary(deps.db, actor.userId);
  const relyingParty = relyingPartyFor(deps.config);
  const options = await generateRegistrationOptions({
    rpName: relyingParty.name,
    rpID: relyingParty.id,
    userName: user.email,
    userDisplayName: user.name,
    // The user handle a discoverable credential returns at sign-in: our id, nothing personal.
    userID: isoUint8Array.fromUTF8String(user.id),
    timeout: passkeyChallengeMs,
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.credential_id, transports: row.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    supportedAlgorithmIDs,
  });
  keepPasskeyChallenge(request, 'registration', options.challenge);
  // Spread into a plain object: the library's interface type has no index signature for the schema's open object.
  return { options: { ...options } };
}

/** Checks the browser's answer against the challenge in the session and stores the credential under the given name. */
export async function finishPasskeyRegistration(deps: Deps, request: FastifyRequest, actor: Actor, input: RegisterPasskeyRequest): Promise<Passkey> {
  const challenge = takePasskeyChallenge(request, 'registration');
  if (challenge === undefined) throw validationError({ response: 'passkey.not_verified' }, 'No passkey registration is under way.');
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge,
    ...expectedRelyingParty(deps.config),
    requireUserVerification: false,
    supportedAlgorithmIDs,
  }).catch(() => ({ verified: false as const }));
  if (!verification.verified) throw validationError({ response: 'passkey.not_verified' }, 'The passkey could not be verified.');
  const { credential } = verification.registrationInfo;
  const row = await insertPasskey(deps.db, {
    userId: actor.userId,
    credentialId: credential.id,
    publicKey: credential.publicKey,
    signCount: credential.counter,
    transports: credential.transports ?? [],
    name: input.name,
  });
  if (!row) throw new AppError('conflict', 'This passkey is already registered.');
  await recordAuditEvent(deps.db, { event: 'passkey.added', userId: actor.userId, ip: actor.ip, details: { passkeyId: row.id } });
  return toPasskey(row);
}

/**
 * Removes one of the caller's passkeys with a signed-in session and its CSRF token, no fresh
 * password: the web app warns before the last second factor goes (docs/decisions/0031-passkeys.md).
 * Another user's passkey is the same 404 as none.
 */
export async function removePasskey(deps: Deps, actor: Actor, passkeyId: string): Promise<void> {
  if (!(await deletePasskey(deps.db, actor.userId, passkeyId))) throw notFound('Passkey');
  await recordAuditEvent(deps.db, { event: 'passkey.removed', userId: actor.userId, ip: actor.ip, details: { passkeyId } });
}

function toPasskey(row: { id: string; name: string; created_at: Date; last_used_at: Date | null }): Passkey {
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString(), lastUsedAt: row.last_used_at?.toISOString() ?? null };
}

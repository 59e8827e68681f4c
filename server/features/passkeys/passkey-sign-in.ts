import { generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { isoBase64URL, isoUint8Array } from '@simplewebauthn/server/helpers';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PasskeyAssertionRequest } from '../../../shared/schemas/passkey.ts';
import { startSession } from '../../auth/start-session.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import { pendingSignInMs } from '../two-factor/pending-sign-in.ts';
import { answerPendingSignIn } from '../two-factor/second-factor-sign-in.ts';
import { findUserSummary } from '../two-factor/two-factor.queries.ts';
import { keepPasskeyChallenge, passkeyChallengeMs, takePasskeyChallenge } from './passkey-challenge.ts';
import { findPasskeyByCredentialId, listCredentialDescriptors, recordPasskeyUse } from './passkeys.queries.ts';
import { expectedRelyingParty, relyingPartyFor } from './relying-party.ts';

type SignedIn = { user: { id: string; email: string; name: string }; csrfToken: string };

/** Options for the second step of a pending sign-in whose methods include a passkey: only that user's credentials are allowed. */
export async function startPasskeySecondFactor(deps: Deps, request: FastifyRequest) {
  const pending = request.session.pendingSignIn;
  if (!pending || Date.now() - pending.startedAt > pendingSignInMs || !pending.methods.includes('passkey')) {
    throw new AppError('unauthenticated', 'Sign in with your password first.');
  }
  const credentials = await listCredentialDescriptors(deps.db, pending.userId);
  const options = await generateAuthenticationOptions({
    rpID: relyingPartyFor(deps.config).id,
    allowCredentials: credentials.map((row) => ({ id: row.credential_id, transports: row.transports })),
    // The password was the first factor; the passkey need only be present.
    userVerification: 'preferred',
    timeout: passkeyChallengeMs,
  });
  keepPasskeyChallenge(request, 'second-factor', options.challenge);
  // Spread into a plain object: the library's interface type has no index signature for the schema's open object.
  return { options: { ...options } };
}

/**
 * The second step answered with a passkey: exactly as a code (server/features/two-factor/), a
 * wrong answer — another user's credential, a replayed or forged assertion — counts toward the
 * same lock.
 */
export async function finishPasskeySecondFactor(deps: Deps, request: FastifyRequest, reply: FastifyReply, input: PasskeyAssertionRequest): Promise<SignedIn> {
  return answerPendingSignIn(
    deps,
    request,
    reply,
    async (userId) => {
      const challenge = takePasskeyChallenge(request, 'second-factor');
      if (challenge === undefined) return false;
      return (await checkAssertion(deps, input, challenge, { requireUserVerification: false, ownerId: userId })) !== undefined;
    },
    'login.succeeded',
  );
}

/**
 * Options for signing in without a password: no user yet, so no allowCredentials and the browser
 * offers the discoverable credentials it has for this site. The challenge needs a session to live
 * in; this request is the only anonymous one that creates one, and only for five minutes.
 */
export async function startPasskeySignIn(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const options = await generateAuthenticationOptions({
    rpID: relyingPartyFor(deps.config).id,
    userVerification: 'required',
    timeout: passkeyChallengeMs,
  });
  keepPasskeyChallenge(request, 'sign-in', options.challenge);
  // A session made only to hold this challenge is stored to expire with it. Only this save: the
  // cookie's usual lifetime (its originalMaxAge) is left alone and applies again from the next
  // request, so the signed-in session that follows lasts as long as any other.
  if (!request.session.userId && !request.session.pendingSignIn) request.session.cookie.expires = new Date(Date.now() + passkeyChallengeMs);
  // Spread into a plain object: the library's interface type has no index signature for the schema's open object.
  return { options: { ...options }, csrfToken: reply.generateCsrf() };
}

/**
 * Signs in with a discoverable credential whose authenticator verified the user (PIN, fingerprint,
 * face): something the user has and something they know or are, so it counts as two factors for
 * an account that requires them. Unknown credential, wrong signature, no user verification or a
 * missing challenge all end in the same 401.
 */
export async function finishPasskeySignIn(deps: Deps, request: FastifyRequest, reply: FastifyReply, input: PasskeyAssertionRequest): Promise<SignedIn> {
  const challenge = takePasskeyChallenge(request, 'sign-in');
  const passkey = challenge === undefined ? undefined : await checkAssertion(deps, input, challenge, { requireUserVerification: true });
  if (!passkey) {
    await recordAuditEvent(deps.db, { event: 'login.passkey_failed', userId: null, ip: request.ip });
    throw new AppError('invalid_credentials', 'The passkey was not accepted.');
  }
  await recordAuditEvent(deps.db, { event: 'login.succeeded', userId: passkey.user_id, ip: request.ip, details: { passkey: true } });
  const user = await findUserSummary(deps.db, passkey.user_id);
  const csrfToken = await startSession(request, reply, passkey.user_id);
  return { user, csrfToken };
}

/**
 * Verifies an assertion against the stored credential it names and records the new signature
 * counter; answers the credential's row when all holds. A counter that did not go up (an
 * authenticator that counts) fails: a cloned key or a replayed answer. With `ownerId`, another
 * user's credential fails before anything is checked or recorded.
 */
async function checkAssertion(deps: Deps, input: PasskeyAssertionRequest, challenge: string, options: { requireUserVerification: boolean; ownerId?: string }) {
  const passkey = await findPasskeyByCredentialId(deps.db, input.response.id);
  if (!passkey || (options.ownerId !== undefined && passkey.user_id !== options.ownerId)) return undefined;
  // A discoverable credential names its user too; it must be the one the credential was made for.
  const userHandle = input.response.response.userHandle;
  if (userHandle !== undefined && userHandle !== isoBase64URL.fromBuffer(isoUint8Array.fromUTF8String(passkey.user_id))) return undefined;
  const verification = await verifyAuthenticationResponse({
    response: input.response,
    expectedChallenge: challenge,
    ...expectedRelyingParty(deps.config),
    credential: { id: passkey.credential_id, publicKey: new Uint8Array(passkey.public_key), counter: passkey.sign_count, transports: passkey.transports },
    requireUserVerification: options.requireUserVerification,
  }).catch(() => undefined);
  if (!verification?.verified) return undefined;
  const isRecorded = await recordPasskeyUse(deps.db, passkey.id, passkey.sign_count, verification.authenticationInfo.newCounter);
  return isRecorded ? passkey : undefined;
}

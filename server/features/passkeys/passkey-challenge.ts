import type { FastifyRequest } from 'fastify';

/** What a challenge was made for: an answer to one cannot be used for another. */
export type PasskeyCeremony = 'registration' | 'second-factor' | 'sign-in';

/**
 * The challenge of the WebAuthn ceremony under way, kept in the session between the options and
 * the verify request. One at a time: asking for new options replaces it, and verifying takes it
 * out whatever the outcome, so each challenge is answered at most once (no replay).
 */
export interface PasskeyChallenge {
  ceremony: PasskeyCeremony;
  challenge: string;
  /** Epoch ms when the options were made. */
  issuedAt: number;
}

/** How long the browser prompt may take; the options tell the browser the same. */
export const passkeyChallengeMs = 5 * 60_000;

declare module 'fastify' {
  interface Session {
    passkeyChallenge?: PasskeyChallenge;
  }
}

export function keepPasskeyChallenge(request: FastifyRequest, ceremony: PasskeyCeremony, challenge: string): void {
  request.session.passkeyChallenge = { ceremony, challenge, issuedAt: Date.now() };
}

/** Takes the session's challenge for `ceremony` out of the session; undefined when there is none, it is for another ceremony or too old. */
export function takePasskeyChallenge(request: FastifyRequest, ceremony: PasskeyCeremony): string | undefined {
  const kept = request.session.passkeyChallenge;
  if (kept === undefined) return undefined;
  request.session.passkeyChallenge = undefined;
  if (kept.ceremony !== ceremony || Date.now() - kept.issuedAt > passkeyChallengeMs) return undefined;
  return kept.challenge;
}

import type { Config } from '../../config.ts';

/** Who the passkeys belong to, in WebAuthn's terms. */
export interface RelyingParty {
  /** The host name passkeys are bound to: a passkey made for it works on it and its subdomains only. */
  id: string;
  /** The exact origin the browser reports in each ceremony (scheme, host and port). */
  origin: string;
  name: string;
}

/**
 * Taken from `PUBLIC_URL` (by default `https://localhost:<PORT>`), never from the request's Host:
 * the address people open is the one their passkeys are bound to. Changing `PUBLIC_URL` to
 * another host name makes existing passkeys unusable (docs/operations.md § Where things live).
 */
export function relyingPartyFor(config: Config): RelyingParty {
  const url = new URL(config.publicUrl);
  return { id: url.hostname, origin: url.origin, name: 'Kvarter' };
}

/** What a browser's answer must name: the origin it was made on and the relying party it was made for. */
export function expectedRelyingParty(config: Config): { expectedOrigin: string; expectedRPID: string } {
  const relyingParty = relyingPartyFor(config);
  return { expectedOrigin: relyingParty.origin, expectedRPID: relyingParty.id };
}

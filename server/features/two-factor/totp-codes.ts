import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 as every authenticator app does it: SHA-1, six digits, 30-second steps. */
const periodSeconds = 30;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32 as apps expect. */
export function createTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: 'Kvarter', label: email, secret, period: periodSeconds });
}

/**
 * The time step a code belongs to, or undefined when it is wrong. One step either side of now is
 * accepted (a phone's clock a little off, or a code typed as it changed); a step at or before
 * `afterTimeStep` (the last accepted one) is refused, so a code works once.
 */
export async function checkTotpCode(secret: string, code: string, afterTimeStep: number | null): Promise<number | undefined> {
  const result = await verify({
    secret,
    token: code,
    period: periodSeconds,
    epochTolerance: periodSeconds,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

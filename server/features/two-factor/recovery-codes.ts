import { createHash, randomBytes } from 'node:crypto';

export const recoveryCodeCount = 10;
const base32Alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * Ten codes of 16 base32 characters (80 random bits each), shown as `abcd-efgh-ijkl-mnop`. At that
 * entropy a SHA-256 is enough to store them (docs/decisions/0028-totp-two-factor.md).
 */
export function createRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const characters = [...randomBytes(16)].map((byte) => base32Alphabet[byte % 32]).join('');
    return [0, 4, 8, 12].map((start) => characters.slice(start, start + 4)).join('-');
  });
}

/** Takes a code as normalised by shared/schemas/two-factor.ts (no dashes, lower case) or as shown. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.replace(/-/g, '').toLowerCase()).digest('hex');
}

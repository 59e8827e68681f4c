import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Encrypts small secrets kept in the database (TOTP secrets), so a copy of a dump alone does not reveal them. */
export interface SecretSealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

/**
 * AES-256-GCM under a key derived (HKDF-SHA-256) from the session secret, which lives outside the
 * database (docs/decisions/0028-totp-two-factor.md). Changing the session secret makes sealed
 * secrets unreadable: their users then sign in with a recovery code and set TOTP up again.
 * Sealed form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export function createSecretSealer(sessionSecret: string): SecretSealer {
  const key = Buffer.from(hkdfSync('sha256', sessionSecret, 'kvarter', 'totp-secret-sealing-v1', 32));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('Unknown sealed secret format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

import bcrypt from 'bcrypt';

/**
 * bcrypt through the native `bcrypt` package: its async functions run on libuv's thread pool,
 * so a 250 ms hash at cost 12 does not block other requests.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string | undefined): Promise<boolean>;
}

export function createPasswordHasher(cost: number): PasswordHasher {
  // Compared against when the e-mail is unknown, so a miss costs the same time as a wrong password.
  let decoyHash: Promise<string> | undefined;
  return {
    hash: (password) => bcrypt.hash(password, cost),
    async verify(password, hash) {
      if (hash === undefined) {
        decoyHash ??= bcrypt.hash('decoy password that never matches', cost);
        await bcrypt.compare(password, await decoyHash);
        return false;
      }
      return bcrypt.compare(password, hash);
    },
  };
}

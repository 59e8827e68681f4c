import type { SecondFactorMethod } from '../../../shared/schemas/two-factor.ts';

/**
 * A sign-in whose password was right and whose second factor is still due. Kept in the session
 * (which is not signed in meanwhile: no `userId`), so it ends with the session or after
 * `pendingSignInMs`. `methods` lists what the user may answer with; a passkey challenge would be
 * kept beside it here.
 */
export interface PendingSignIn {
  userId: string;
  /** Epoch ms of the correct password. */
  startedAt: number;
  methods: SecondFactorMethod[];
  /** Wrong answers in this sign-in (the per-user count in the database survives starting over). */
  failures: number;
}

/** How long the second step may take after the password. */
export const pendingSignInMs = 5 * 60_000;

declare module 'fastify' {
  interface Session {
    pendingSignIn?: PendingSignIn;
  }
}

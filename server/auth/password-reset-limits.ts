/** How long a reset link works, and how many reset e-mails an address and a client may cause. */
export const passwordResetLimits = {
  tokenLifetimeMs: 30 * 60_000,
  /** Requests are counted over this window (and kept this long). */
  requestWindowMs: 60 * 60_000,
  /** E-mails per address in the window; further requests are answered alike but send nothing. */
  perAddress: 3,
  /** Requests per client IP in the window that may send an e-mail. */
  perClient: 10,
};

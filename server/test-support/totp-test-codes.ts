import { generate } from 'otplib';

const stepSeconds = 30;

/** The code an authenticator app shows `offset` 30-second steps from now, as tests compute it from a secret. */
export function totpCodeAt(secret: string, offset: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * stepSeconds });
}

/**
 * Waits when fewer than 5 s of the current step remain, so that a test's "now" and the server's
 * fall into the same 30-second step and ±1-step assertions are exact.
 */
export async function awaitTotpStepStart(): Promise<void> {
  const secondsLeft = stepSeconds - ((Date.now() / 1000) % stepSeconds);
  if (secondsLeft < 5) await new Promise((resolve) => setTimeout(resolve, secondsLeft * 1000 + 100));
}

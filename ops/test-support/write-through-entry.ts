import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultClient, TimedResponse } from '../../server/test-support/fault-client.ts';

/**
 * Creates an organisation through the HA topology's entry point, retrying for up to `withinMs`
 * while it answers 503 with Retry-After (a switchover or failover under way). Any other answer
 * fails at once: the service must never answer anything else meanwhile.
 */
export async function writeThroughEntry(client: FaultClient, name: string, withinMs: number): Promise<{ id: string; unavailable: number }> {
  const deadline = Date.now() + withinMs;
  let unavailable = 0;
  for (;;) {
    const response: TimedResponse<{ id: string }> = await client.request('POST', `/api/accounts/${client.accountId}/organisations`, { name });
    if (response.status === 201) return { id: response.body.id, unavailable };
    if (response.status !== 503 || response.headers['retry-after'] === undefined) {
      throw new Error(
        `writing ${name} answered ${response.status} (Retry-After: ${response.headers['retry-after'] ?? 'none'}), not 201 or 503 with Retry-After`,
      );
    }
    unavailable += 1;
    if (Date.now() > deadline) throw new Error(`no write of ${name} succeeded within ${withinMs / 1000} s`);
    await sleep(250);
  }
}

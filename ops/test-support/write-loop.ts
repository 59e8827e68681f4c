import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { clusterUrl } from '../local-cluster.ts';
import { ensureSecret } from '../local-secrets.ts';
import { FaultClient } from '../../server/test-support/fault-client.ts';
import { query } from './durability.ts';

/**
 * Clients writing continuously through the HA topology's HTTPS entry point while a test or a
 * benchmark breaks something, each answer recorded, so that afterwards one can check what the
 * issue promises of a failover: every write answered 2xx is in the database, every other answer
 * is exactly 503 with Retry-After, and writes succeed again within the limit after the fault.
 *
 * Each client creates organisations one after another in its own account, and after a 503 tries
 * again after `pauseMs`, not after the Retry-After of 5 s: a client honouring that would measure
 * its own wait, not the service's recovery.
 */
export interface WriteAnswer {
  client: number;
  name: string;
  /** The HTTP status, or undefined when the connection closed without an answer. */
  status: number | undefined;
  retryAfter: string | undefined;
  /** The `error.code` of a non-2xx JSON answer. */
  errorCode: string | undefined;
  /** The created organisation's id (2xx only). */
  id: string | undefined;
  /** The transport failure when there was no answer (e.g. "socket hang up"). */
  failure: string | undefined;
  /** performance.now() of this process when the request was sent and when its answer ended. */
  startedAt: number;
  endedAt: number;
}

export interface WriteLoops {
  /** Every answer so far, in the order they ended. */
  answers: WriteAnswer[];
  /** Stops sending and resolves once every client's last request has its answer. */
  stop(): Promise<WriteAnswer[]>;
}

export async function startWriteLoops(options: {
  entryPort: number;
  dataDir: string;
  clients: number;
  /** Names the sign-ups and organisations of this run apart from others on the same topology. */
  prefix: string;
  pauseMs?: number;
}): Promise<WriteLoops> {
  const pauseMs = options.pauseMs ?? 100;
  const clients = await Promise.all(
    Array.from({ length: options.clients }, async (_, index) => {
      const client = new FaultClient(`https://localhost:${options.entryPort}`, options.dataDir);
      await client.signUp(`${options.prefix}-${index}@example.se`);
      return client;
    }),
  );
  const answers: WriteAnswer[] = [];
  let stopping = false;
  const loops = clients.map(async (client, index) => {
    for (let sequence = 0; !stopping; sequence += 1) {
      const name = `${options.prefix} ${index}-${sequence}`;
      const startedAt = performance.now();
      try {
        const response = await client.request<{ id?: string; error?: { code?: string } }>(
          'POST',
          `/api/accounts/${client.accountId}/organisations`,
          { name },
          40_000,
        );
        const isSuccess = response.status >= 200 && response.status < 300;
        answers.push({
          client: index,
          name,
          status: response.status,
          retryAfter: response.headers['retry-after'],
          errorCode: isSuccess ? undefined : response.body?.error?.code,
          id: isSuccess ? response.body?.id : undefined,
          failure: undefined,
          startedAt,
          endedAt: response.endedAt,
        });
        if (!isSuccess) await sleep(pauseMs);
      } catch (error) {
        answers.push({
          client: index,
          name,
          status: undefined,
          retryAfter: undefined,
          errorCode: undefined,
          id: undefined,
          failure: (error as Error).message,
          startedAt,
          endedAt: performance.now(),
        });
        await sleep(pauseMs);
      }
    }
  });
  return {
    answers,
    async stop() {
      stopping = true;
      await Promise.all(loops);
      for (const client of clients) client.close();
      return answers;
    },
  };
}

/** Answers that are neither 201 nor the app's 503 with `Retry-After: 5`. */
export function unexpectedAnswers(answers: WriteAnswer[]): WriteAnswer[] {
  return answers.filter((answer) => answer.status !== 201 && !(answer.status === 503 && answer.retryAfter === '5' && answer.errorCode === 'unavailable'));
}

/**
 * Milliseconds from `faultAt` until the end of the first 2xx of a request sent after it, or
 * undefined when none succeeded yet.
 */
export function recoveryMs(answers: WriteAnswer[], faultAt: number): number | undefined {
  const firstSuccess = answers
    .filter((answer) => answer.id !== undefined && answer.startedAt >= faultAt)
    .reduce<number | undefined>((earliest, answer) => (earliest === undefined || answer.endedAt < earliest ? answer.endedAt : earliest), undefined);
  return firstSuccess === undefined ? undefined : firstSuccess - faultAt;
}

/** Waits until a write sent after `faultAt` succeeded; resolves with the recovery time in ms. */
export async function waitForRecovery(loops: WriteLoops, faultAt: number, timeoutMs: number): Promise<number> {
  for (;;) {
    const recovered = recoveryMs(loops.answers, faultAt);
    if (recovered !== undefined) return recovered;
    if (performance.now() - faultAt > timeoutMs) throw new Error(`no write succeeded within ${timeoutMs / 1000} s of the fault`);
    await sleep(100);
  }
}

/** The acknowledged (2xx) writes whose organisation is not in the database, read through the leader. */
export async function lostWrites(dataDir: string, databasePort: number, answers: WriteAnswer[]): Promise<WriteAnswer[]> {
  const acknowledged = answers.filter((answer) => answer.id !== undefined);
  const password = await ensureSecret(dataDir, 'database-password');
  const rows = await query<{ id: string }>(
    clusterUrl(databasePort, 'kvarter', password, 'kvarter'),
    path.join(dataDir, 'tls', 'ca.crt'),
    'select id from organisations where id = any($1::uuid[])',
    [acknowledged.map((answer) => answer.id)],
  );
  const found = new Set(rows.map((row) => row.id));
  return acknowledged.filter((answer) => !found.has(answer.id!));
}

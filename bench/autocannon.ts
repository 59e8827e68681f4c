import { createRequire } from 'node:module';

// autocannon ships no type declarations: the part of its API used here.
export interface AutocannonRequest {
  method: string;
  path: string;
  setupRequest?: (request: AutocannonRequest & { body?: string }) => AutocannonRequest & { body?: string };
}
export interface AutocannonResult {
  requests: { total: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
export interface AutocannonClient {
  requestIterator: { currentRequestIndex: number };
}
export interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: AutocannonClient, statusCode: number, bytes: number, responseTimeMs: number) => void): void;
  stop(): void;
}
export type Autocannon = (options: {
  url: string;
  connections: number;
  pipelining: number;
  duration: number;
  timeout: number;
  headers: Record<string, string>;
  requests: AutocannonRequest[];
  tlsOptions?: { ca: string };
}) => AutocannonInstance;
export const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

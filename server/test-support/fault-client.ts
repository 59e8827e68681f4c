import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * A signed-in API user over real HTTPS (certificate checked against the data directory's local
 * CA), for the fault suite: keeps the session cookie and CSRF token like the web app, times every
 * request and gives up after a bounded wait, so a hanging server fails a test instead of stalling it.
 */
export interface TimedResponse<T = unknown> {
  status: number;
  headers: IncomingHttpHeaders;
  body: T;
  startedAt: number;
  endedAt: number;
}

export class FaultClient {
  #agent: https.Agent;
  #cookie = '';
  #csrfToken = '';
  accountId = '';

  constructor(
    public baseUrl: string,
    dataDir: string,
  ) {
    this.#agent = new https.Agent({ keepAlive: true, maxSockets: 16, ca: readFileSync(path.join(dataDir, 'tls', 'ca.crt'), 'utf8') });
  }

  /** Points the same session at a restarted app (another port). */
  moveTo(baseUrl: string): void {
    this.baseUrl = baseUrl;
    this.#agent.destroy();
    this.#agent = new https.Agent({ keepAlive: true, maxSockets: 16, ca: this.#agent.options.ca });
  }

  async signUp(email: string): Promise<void> {
    const response = await this.request<{ account: { id: string }; csrfToken: string }>('POST', '/api/auth/signup', {
      email,
      password: 'ett långt och ovanligt lösenord',
      name: 'Fault Suite',
      accountName: 'Brf Fault',
    });
    if (response.status !== 201) throw new Error(`sign-up answered ${response.status}: ${JSON.stringify(response.body)}`);
    this.accountId = response.body.account.id;
    this.#csrfToken = response.body.csrfToken;
  }

  /** POST that must answer 201; returns the created row's id. */
  async create(requestPath: string, json: unknown): Promise<string> {
    const response = await this.request<{ id: string }>('POST', requestPath, json);
    if (response.status !== 201) throw new Error(`POST ${requestPath} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body.id;
  }

  /** POST of one file as multipart/form-data, in a part named `file` (the attachment upload). */
  upload<T = unknown>(requestPath: string, file: { name: string; contentType: string; bytes: Buffer }): Promise<TimedResponse<T>> {
    const boundary = `----kvarter-fault-${Date.now()}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.contentType}\r\n\r\n`),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request<T>('POST', requestPath, body, 30_000, `multipart/form-data; boundary=${boundary}`);
  }

  request<T = unknown>(method: string, requestPath: string, json?: unknown, timeoutMs = 30_000, contentType = 'application/json'): Promise<TimedResponse<T>> {
    const body = json === undefined ? undefined : Buffer.isBuffer(json) ? json : JSON.stringify(json);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.#cookie) headers.cookie = this.#cookie;
    if (method !== 'GET' && this.#csrfToken) headers['x-csrf-token'] = this.#csrfToken;
    if (body !== undefined) headers['content-type'] = contentType;
    const startedAt = performance.now();
    return new Promise((resolve, reject) => {
      const outgoing = https.request(new URL(requestPath, this.baseUrl), { method, headers, agent: this.#agent, timeout: timeoutMs }, (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const setCookie = incoming.headers['set-cookie']?.map((cookie) => cookie.split(';')[0]!).find((pair) => pair.startsWith('__Host-kvarter-session='));
          if (setCookie) this.#cookie = setCookie;
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // Not JSON: kept as text for the failure message.
          }
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: parsed as T, startedAt, endedAt: performance.now() });
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`${method} ${requestPath}: no answer within ${timeoutMs / 1000} s`)));
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

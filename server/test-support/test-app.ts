import type { FastifyInstance, FastifyServerOptions, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { asAccountId } from '../db/account-id.ts';
import type { LoginThrottleSettings } from '../auth/login-throttle.ts';
import { csrfCookieName } from '../http/csrf.ts';
import { sessionCookieName } from '../http/sessions.ts';
import { createPlanCaches, type PlanCaches } from '../plan-snapshot/plan-caches.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  /** The app's plan snapshot caches, for tests that empty them or look inside. */
  planCaches: PlanCaches;
  close(): Promise<void>;
}

export interface TestAppOptions {
  environment?: NodeJS.ProcessEnv;
  loginThrottle?: LoginThrottleSettings;
  /** Fastify's logger option, e.g. `{ level: 'info', stream }` to capture log lines; silent by default. */
  logger?: FastifyServerOptions['logger'];
  /** A built web app to serve; by default none (API only). */
  webRoot?: string;
}

/**
 * The real application on its own fresh database. Requests come through `app.inject`, marked as
 * forwarded over HTTPS by a trusted loopback proxy (inject has no TLS socket; secure cookies and
 * the HTTPS-only rule need one).
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ TRUST_PROXY: 'loopback', KVARTER_DATA_DIR: inject('testCluster').dataDir, ...options.environment });
  const planCaches = createPlanCaches();
  const app = await buildApp({
    config,
    planCaches,
    db: database.db,
    sessionSecret: 'test-session-secret-that-is-long-enough-0123456789',
    loginThrottle: options.loginThrottle,
    logger: options.logger,
    webRoot: options.webRoot ?? '/nonexistent',
  });
  await app.ready();
  return {
    app,
    database,
    config,
    planCaches,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * A browser-like client: keeps the session cookie, the CSRF cookie of a client that is not signed
 * in, and the CSRF token, and sends them the way the web app does. `clientIp` lets tests act as
 * different clients.
 */
export class TestClient {
  cookie: string | undefined;
  csrfCookie: string | undefined;
  csrfToken: string | undefined;

  constructor(
    private readonly app: FastifyInstance,
    /** The client IP, as a trusted proxy reports it in X-Forwarded-For. */
    public clientIp = '127.0.0.1',
  ) {}

  async request(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        'x-forwarded-proto': 'https',
        'x-forwarded-for': this.clientIp,
        ...(this.cookie || this.csrfCookie ? { cookie: this.cookieHeader() } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
    const setCookie = response.cookies.find((cookie) => cookie.name === sessionCookieName);
    if (setCookie) this.cookie = setCookie.value || undefined;
    const setCsrfCookie = response.cookies.find((cookie) => cookie.name === csrfCookieName);
    if (setCsrfCookie) this.csrfCookie = setCsrfCookie.value || undefined;
    // A compressed answer (the large lists, when asked for) carries no token.
    const isPlainJson = String(response.headers['content-type'] ?? '').includes('application/json') && response.headers['content-encoding'] === undefined;
    const json = isPlainJson ? (response.json() as { csrfToken?: string }) : undefined;
    if (json?.csrfToken) this.csrfToken = json.csrfToken;
    return response;
  }

  private cookieHeader(): string {
    const pairs = [this.cookie && `${sessionCookieName}=${this.cookie}`, this.csrfCookie && `${csrfCookieName}=${this.csrfCookie}`];
    return pairs.filter(Boolean).join('; ');
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body, headers);
  patch = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);
}

let userCounter = 0;

/** Signs up a new user with their own account; returns the client signed in as them. */
export async function signUpUser(app: FastifyInstance, overrides: { email?: string; password?: string; accountName?: string } = {}) {
  userCounter += 1;
  const email = overrides.email ?? `user${userCounter}-${Date.now()}@example.se`;
  const password = overrides.password ?? 'correct horse battery staple';
  const client = new TestClient(app);
  const name = `User ${userCounter}`;
  const response = await client.post('/api/auth/signup', {
    email,
    password,
    name,
    accountName: overrides.accountName ?? `Brf Test ${userCounter}`,
  });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
  const body = response.json() as { user: { id: string }; account: { id: string } };
  // Read from the answer, so named an account's id here for the tests' direct queries.
  return { client, email, password, name, userId: body.user.id, accountId: asAccountId(body.account.id) };
}

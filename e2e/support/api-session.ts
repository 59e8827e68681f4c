import type { BrowserContext } from 'playwright-core';

/**
 * The API as the signed-in user of a browser context: requests share the context's cookies, so
 * data set up here (faster and steadier than clicking) is what the page then shows. Unsafe
 * requests carry the CSRF token like the web app does. Any non-2xx answer fails the journey.
 */
export interface ApiSession {
  accountId: string;
  userId: string;
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
  patch<T = unknown>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
  /** POSTs one file as multipart/form-data, in a part named `file`, as the web app uploads attachments. */
  postFile<T = unknown>(path: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<T>;
}

export interface SignUp {
  email: string;
  password: string;
  name: string;
  accountName: string;
}

export async function signUpThroughApi(context: BrowserContext, baseUrl: string, signUp: SignUp): Promise<ApiSession> {
  const answer = await send(context, baseUrl, 'POST', '/api/auth/signup', undefined, signUp);
  const { user, account, csrfToken } = answer as { user: { id: string }; account: { id: string }; csrfToken: string };
  return sessionFor(context, baseUrl, account.id, user.id, csrfToken);
}

/** Signs an existing user in within `context` (e.g. a member added by `addMember`). */
export async function signInThroughApi(
  context: BrowserContext,
  baseUrl: string,
  credentials: { email: string; password: string },
  accountId: string,
): Promise<ApiSession> {
  const answer = await send(context, baseUrl, 'POST', '/api/auth/login', undefined, credentials);
  const { user, csrfToken } = answer as { user: { id: string }; csrfToken: string };
  return sessionFor(context, baseUrl, accountId, user.id, csrfToken);
}

/**
 * Makes an existing user a member the only way there is: the admin invites their address and they
 * accept in their own session (`member`).
 */
export async function addMemberThroughApi(admin: ApiSession, member: ApiSession, email: string, role: 'viewer' | 'editor' | 'admin'): Promise<void> {
  const { invitation } = await admin.post<{ invitation: { id: string } }>(`/api/accounts/${admin.accountId}/members`, { email, role });
  await member.post(`/api/auth/invitations/${invitation.id}/accept`);
}

function sessionFor(context: BrowserContext, baseUrl: string, accountId: string, userId: string, csrfToken: string): ApiSession {
  return {
    accountId,
    userId,
    get: <T>(path: string) => send(context, baseUrl, 'GET', path, undefined) as Promise<T>,
    post: <T>(path: string, body?: unknown) => send(context, baseUrl, 'POST', path, csrfToken, body) as Promise<T>,
    patch: <T>(path: string, body: unknown) => send(context, baseUrl, 'PATCH', path, csrfToken, body) as Promise<T>,
    delete: async (path: string) => {
      await send(context, baseUrl, 'DELETE', path, csrfToken);
    },
    postFile: <T>(path: string, file: { name: string; mimeType: string; buffer: Buffer }) =>
      send(context, baseUrl, 'POST', path, csrfToken, undefined, { file }) as Promise<T>,
  };
}

async function send(
  context: BrowserContext,
  baseUrl: string,
  method: string,
  path: string,
  csrfToken: string | undefined,
  body?: unknown,
  multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }>,
): Promise<unknown> {
  const response = await context.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: csrfToken ? { 'x-csrf-token': csrfToken } : {},
    ...(multipart ? { multipart } : { data: body }),
  });
  if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return response.status() === 204 ? undefined : response.json();
}

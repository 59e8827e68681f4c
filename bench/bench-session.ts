import type https from 'node:https';
import { asAccountId, type AccountId } from '../server/db/account-id.ts';
import { sessionCookieName } from '../server/http/sessions.ts';
import { cookieFrom, request, type Response, type Target } from './support.ts';

/** A user signed up through the API, as the benchmarks' client: requests carry its cookie and, when unsafe, its CSRF token. */
export interface BenchSession {
  accountId: AccountId;
  cookie: string;
  csrfToken: string;
  send(method: string, requestPath: string, json?: unknown, extraHeaders?: Record<string, string>): Promise<Response>;
  /** POSTs and answers the id of what was created; anything but 201 fails the benchmark. */
  createdId(requestPath: string, json: unknown): Promise<string>;
}

/** Signs up a new user with a new account over `agent`; any answer but 201 fails the benchmark. */
export async function signUpForBench(agent: https.Agent, target: Target, user: { email: string; name: string; accountName: string }): Promise<BenchSession> {
  const signup = await request(agent, target, { method: 'POST', path: '/api/auth/signup', json: { ...user, password: 'correct horse battery staple' } });
  if (signup.status !== 201) throw new Error(`signup → ${signup.status} ${signup.body}`);
  const cookie = cookieFrom(signup, sessionCookieName);
  const { account, csrfToken } = JSON.parse(signup.body) as { account: { id: string }; csrfToken: string };
  const send = (method: string, requestPath: string, json?: unknown, extraHeaders: Record<string, string> = {}) =>
    request(agent, target, {
      method,
      path: requestPath,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...extraHeaders },
      json,
    });
  return {
    accountId: asAccountId(account.id),
    cookie,
    csrfToken,
    send,
    createdId: async (requestPath, json) => {
      const response = await send('POST', requestPath, json);
      if (response.status !== 201) throw new Error(`POST ${requestPath} → ${response.status} ${response.body}`);
      return (JSON.parse(response.body) as { id: string }).id;
    },
  };
}

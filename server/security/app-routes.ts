import type { FastifyInstance } from 'fastify';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AppRoute {
  method: HttpMethod;
  url: string;
}

/** `POST /api/plans/:id/actions`: the key of a route in the tables of this suite. */
export const routeKey = (route: AppRoute): string => `${route.method} ${route.url}`;

/**
 * Every route the app registered, read from Fastify's route tree (`├── /a (GET)` / `│   └── /:id (PATCH)`)
 * so that a route added tomorrow shows up in the matrices without anybody remembering it. HEAD and
 * OPTIONS are Fastify's automatic companions of GET and CORS, not routes of ours.
 */
export function listAppRoutes(app: FastifyInstance): AppRoute[] {
  const found: AppRoute[] = [];
  const parents: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const url = (depth > 0 ? parents[depth - 1]! : '') + match[2]!;
    parents[depth] = url;
    for (const method of (match[3] ?? '').split(',').map((item) => item.trim())) {
      if (method && method !== 'HEAD' && method !== 'OPTIONS') found.push({ method: method as HttpMethod, url });
    }
  }
  return found;
}

import https from 'node:https';

export interface PatroniMember {
  name: string;
  role: 'leader' | 'replica' | 'sync_standby' | 'standby_leader' | string;
  state: string;
  host: string;
  port: number;
  timeline?: number;
  /** Bytes behind the leader; Patroni says "unknown" when it cannot tell. */
  lag?: number | string;
}

export interface HttpsAnswer {
  status: number;
  body: string;
}

/**
 * One request to a Patroni REST API (or an app instance) on 127.0.0.1 over TLS, verified against
 * the local CA as `localhost`.
 */
export function httpsRequest(
  port: number,
  requestPath: string,
  ca: string,
  options: { method?: string; json?: unknown; auth?: string; timeoutMs?: number } = {},
): Promise<HttpsAnswer> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: '127.0.0.1',
        servername: 'localhost',
        port,
        path: requestPath,
        method: options.method ?? 'GET',
        ca,
        auth: options.auth,
        headers: { host: 'localhost', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        timeout: options.timeoutMs ?? 5_000,
        agent: false,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`https://localhost:${port}${requestPath}: no answer within ${(options.timeoutMs ?? 5_000) / 1000} s`)),
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The members as Patroni sees them, asked of the first API that answers. */
export async function readClusterMembers(apiPorts: number[], ca: string): Promise<PatroniMember[]> {
  let lastError: unknown;
  for (const port of apiPorts) {
    try {
      const answer = await httpsRequest(port, '/cluster', ca);
      if (answer.status === 200) return (JSON.parse(answer.body) as { members: PatroniMember[] }).members;
      lastError = new Error(`Patroni on port ${port} answered ${answer.status}`);
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`No Patroni REST API answered: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

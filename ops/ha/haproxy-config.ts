import type { ApiErrorBody } from '../../shared/errors.ts';
import type { HaLayout, HaTopology } from './ha-layout.ts';

/**
 * What API clients get instead of HAProxy's own bare 502, 503 and 504 (no instance up, an instance
 * that died mid-request, one that did not answer in time): the app's own `unavailable` answer, so
 * a client handles one shape of "try again" (docs/decisions/0050-failover-errors.md). 5 s is the
 * app's own Retry-After (server/http/error-handler.ts).
 */
export const entryUnavailableBody: ApiErrorBody = {
  error: { code: 'unavailable', message: 'The service is unavailable right now. Try again in a moment.' },
};
export const entryRetryAfterSeconds = 5;

/**
 * HAProxy in front of both tiers. PostgreSQL clients go through TCP to whichever node Patroni's
 * REST API calls the primary (checked over verified TLS); sessions to a node that stops being the
 * primary are cut, so the app reconnects to the new one. HTTPS is terminated here and re-encrypted
 * to the app instances, each verified against the local CA (docs/decisions/0048-high-availability-topology.md).
 */
export function haproxyConfig(layout: HaLayout, topology: HaTopology): string {
  const { caFile, entryPemFile } = layout.certs;
  const verified = `ssl verify required ca-file ${caFile} sni str(localhost) check-sni localhost`;
  return [
    '# Written by `ops ha up` (ops/ha/haproxy-config.ts) at every start; do not edit.',
    'global',
    '    maxconn 400',
    '    log stdout format raw local0 notice',
    'defaults',
    '    log global',
    '    retries 2',
    '    timeout connect 2s',
    // A leader's Patroni slow to answer on a loaded machine must not be taken for a dead one (its
    // sessions would be cut); a dead or demoted one refuses or answers 503 at once anyway.
    '    timeout check 4s',
    '',
    'listen database',
    '    mode tcp',
    `    bind 127.0.0.1:${topology.databasePort}`,
    '    timeout client 30m',
    '    timeout server 30m',
    '    option httpchk',
    // OPTIONS gets Patroni's status line only; a GET per check makes it log a connection reset each time.
    '    http-check send meth OPTIONS uri /primary',
    '    http-check expect status 200',
    `    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 1 on-marked-down shutdown-sessions check-ssl verify required ca-file ${caFile} check-sni localhost`,
    ...topology.nodes.map((node) => `    server ${node.name} 127.0.0.1:${node.port} check port ${node.apiPort}`),
    '',
    'frontend entry',
    '    mode http',
    '    option httplog',
    `    bind 127.0.0.1:${topology.entryPort} ssl crt ${entryPemFile} alpn http/1.1 ssl-min-ver TLSv1.2`,
    '    timeout client 60s',
    // The instances trust these (TRUST_PROXY), so per-address limits see the client, not HAProxy.
    '    option forwardfor',
    '    http-request set-header X-Forwarded-Proto https',
    ...[502, 503, 504].map(
      (status) =>
        `    http-error status ${status} content-type "application/json; charset=utf-8" string '${JSON.stringify(entryUnavailableBody)}' hdr retry-after ${entryRetryAfterSeconds}`,
    ),
    // http-error keeps the status it replaces; the instances never answer 502 or 504 themselves.
    '    http-after-response set-status 503 if { status 502 504 }',
    '    default_backend apps',
    '',
    'backend apps',
    '    mode http',
    '    balance roundrobin',
    '    timeout server 60s',
    // Only a connection that failed before the request was sent is tried on another instance:
    // a request that may have reached an instance is never repeated (it could be a write).
    '    retry-on conn-failure',
    '    option redispatch',
    // A new connection to an instance per request (its TLS session resumed; clients keep theirs): a
    // request sent over a kept connection to an instance that has just died is lost without an
    // answer, one sent over a new connection is refused and goes to another instance (decision 0050).
    '    option http-server-close',
    // Liveness, not readiness: while the database fails over, the instances answer 503 with Retry-After themselves.
    '    option httpchk',
    '    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host localhost',
    '    http-check expect status 200',
    `    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 1 check ${verified}`,
    ...topology.apps.map((app, index) => `    server app${index + 1} 127.0.0.1:${app.port}`),
    '',
  ].join('\n');
}

/** Why a connection to PostgreSQL could not be opened. */
export type ConnectionFailure = 'certificate' | 'authentication' | 'unreachable' | 'other';

const failureDescriptions: Record<ConnectionFailure, string> = {
  certificate: "the database server's certificate failed verification (DATABASE_URL, DATABASE_CA_FILE)",
  authentication: 'the database refused the credentials or the database name (DATABASE_URL)',
  unreachable: 'the database server is not reachable',
  other: 'the connection failed',
};

/** Outages that usually pass by themselves: refused, reset, timed out, starting up or shutting down, full. */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
/** 28000 no pg_hba.conf entry, 28P01 wrong password, 3D000 no such database. */
const authenticationCodes = new Set(['28000', '28P01', '3D000']);

/**
 * A connection to PostgreSQL could not be opened, for any reason: thrown by the pool in place of
 * node-pg's own error, so that the error handler answers 503 for every kind of database trouble
 * (a certificate that fails verify-full included, as when another PostgreSQL has taken the port)
 * and can tell an outage that passes by itself from one an operator has to fix. The message names
 * the cause and never the password (node-pg's and Node's messages carry none).
 */
export class DatabaseConnectionError extends Error {
  readonly failure: ConnectionFailure;
  readonly code: string | undefined;

  constructor(cause: unknown) {
    const code = (cause as { code?: unknown } | undefined)?.code;
    const detail = cause instanceof Error ? cause.message : String(cause);
    const failure = classifyConnectionFailure(typeof code === 'string' ? code : undefined, detail);
    super(`${failureDescriptions[failure]}: ${typeof code === 'string' ? `${code} ` : ''}${detail}`, { cause });
    this.name = 'DatabaseConnectionError';
    this.failure = failure;
    this.code = typeof code === 'string' ? code : undefined;
  }

  /** An outage that usually passes by itself; otherwise (a certificate, the credentials, unknown) an operator has to look. */
  get isOutage(): boolean {
    return this.failure === 'unreachable';
  }
}

function classifyConnectionFailure(code: string | undefined, message: string): ConnectionFailure {
  // Node's certificate checks (SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_VERIFY_LEAF_SIGNATURE,
  // CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID…), a TLS handshake that failed, or a server without TLS.
  if ((code && /CERT|SELF_SIGNED|UNABLE_TO_|ERR_TLS_|ERR_SSL_|EPROTO/.test(code)) || /does not support SSL|certificate|altnames/i.test(message))
    return 'certificate';
  if (code && authenticationCodes.has(code)) return 'authentication';
  if ((code && unreachableCodes.has(code)) || /timeout exceeded when trying to connect|Connection terminated|connection error/i.test(message))
    return 'unreachable';
  return 'other';
}

import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes from environment variables (contract: ../shared/OPERATIONS.md), validated
 * once at start so a typo stops the server with a clear message instead of failing later.
 */
/** 0 asks the OS for any free port (used by tests). */
const port = z.coerce.number().int().min(0).max(65535);
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const environmentSchema = z
  .object({
    KVARTER_DATA_DIR: z.string().trim().default('./var'),
    PORT: port.default(8443),
    HTTP_PORT: port.default(8080),
    HOST: z.string().trim().default('127.0.0.1'),
    PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https$/ }).optional()),
    DATABASE_URL: optionalText,
    DATABASE_CA_FILE: optionalText,
    TLS_CERT_FILE: optionalText,
    TLS_KEY_FILE: optionalText,
    TRUST_PROXY: optionalText,
    SESSION_SECRET: optionalText.pipe(z.string().min(32).optional()),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    BCRYPT_COST: z.coerce.number().int().min(10).max(15).default(12),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SMTP_URL: optionalText,
    MAIL_FROM: z.string().trim().default('Kvarter <no-reply@localhost>'),
  })
  .refine((env) => Boolean(env.TLS_CERT_FILE) === Boolean(env.TLS_KEY_FILE), {
    message: 'TLS_CERT_FILE and TLS_KEY_FILE must be set together',
    path: ['TLS_CERT_FILE'],
  });

export interface Config {
  dataDir: string;
  host: string;
  port: number;
  httpPort: number;
  /** Base of links in e-mails (invitations); defaults to https://localhost:PORT. */
  publicUrl: string;
  databaseUrl: string | undefined;
  databaseCaFile: string | undefined;
  tlsCertFile: string | undefined;
  tlsKeyFile: string | undefined;
  /** Passed to Fastify's trustProxy: true, a hop count, or a list of addresses/subnets. */
  trustProxy: boolean | number | string;
  sessionSecret: string | undefined;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** bcrypt cost factor (2^cost rounds); 12 by default, never below 10. */
  bcryptCost: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    dataDir: path.resolve(env.KVARTER_DATA_DIR),
    host: env.HOST,
    port: env.PORT,
    httpPort: env.HTTP_PORT,
    publicUrl: (env.PUBLIC_URL ?? `https://localhost:${env.PORT}`).replace(/\/$/, ''),
    databaseUrl: env.DATABASE_URL,
    databaseCaFile: env.DATABASE_CA_FILE,
    tlsCertFile: env.TLS_CERT_FILE,
    tlsKeyFile: env.TLS_KEY_FILE,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sessionSecret: env.SESSION_SECRET,
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
    bcryptCost: env.BCRYPT_COST,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    logLevel: env.LOG_LEVEL,
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

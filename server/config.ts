import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes from environment variables (contract:
 * docs/product/operations-promise.md § Runtime and configuration), validated once at start so a
 * typo stops the server with a clear message instead of failing later.
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
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    BCRYPT_COST: z.coerce.number().int().min(10).max(15).default(12),
    BACKUP_S3_ENDPOINT: optionalText,
    BACKUP_S3_BUCKET: optionalText,
    BACKUP_S3_REGION: z.string().trim().default('us-east-1'),
    BACKUP_S3_ACCESS_KEY_ID: optionalText,
    BACKUP_S3_SECRET_ACCESS_KEY: optionalText,
    BACKUP_S3_CA_FILE: optionalText,
    BACKUP_ENCRYPTION_PASSPHRASE: optionalText.pipe(z.string().min(20).optional()),
    PITR_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    DUMP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).max(1_000_000_000).default(20_000_000),
    ATTACHMENT_S3_ENDPOINT: optionalText,
    ATTACHMENT_S3_BUCKET: optionalText,
    ATTACHMENT_S3_REGION: z.string().trim().default('us-east-1'),
    ATTACHMENT_S3_ACCESS_KEY_ID: optionalText,
    ATTACHMENT_S3_SECRET_ACCESS_KEY: optionalText,
    ATTACHMENT_S3_CA_FILE: optionalText,
    ATTACHMENT_S3_PREFIX: z
      .string()
      .trim()
      .default('attachments/')
      .refine((prefix) => prefix === '' || /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*\/$/.test(prefix), {
        message: 'ATTACHMENT_S3_PREFIX must be empty or folder names ending with "/" (e.g. attachments/)',
      }),
    SMTP_URL: optionalText,
    INVITATIONS_PER_ACCOUNT_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(20),
    INVITATIONS_PER_INVITER_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
    MAIL_FROM: z.string().trim().default('Kvarter <no-reply@localhost>'),
    TRASH_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    INACTIVE_ACCOUNT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(183),
    KVARTER_HA_EXPECTED_REPLICAS: optionalText.pipe(z.coerce.number<string | undefined>().int().min(1).max(20).optional()),
  })
  .refine((env) => Boolean(env.TLS_CERT_FILE) === Boolean(env.TLS_KEY_FILE), {
    message: 'TLS_CERT_FILE and TLS_KEY_FILE must be set together',
    path: ['TLS_CERT_FILE'],
  })
  .refine(
    (env) => {
      const s3 = [env.BACKUP_S3_ENDPOINT, env.BACKUP_S3_BUCKET, env.BACKUP_S3_ACCESS_KEY_ID, env.BACKUP_S3_SECRET_ACCESS_KEY];
      return s3.every(Boolean) || !s3.some(Boolean);
    },
    {
      message: 'BACKUP_S3_ENDPOINT, BACKUP_S3_BUCKET, BACKUP_S3_ACCESS_KEY_ID and BACKUP_S3_SECRET_ACCESS_KEY must be set together',
      path: ['BACKUP_S3_ENDPOINT'],
    },
  )
  .refine(
    (env) => {
      const s3 = [env.ATTACHMENT_S3_ENDPOINT, env.ATTACHMENT_S3_BUCKET, env.ATTACHMENT_S3_ACCESS_KEY_ID, env.ATTACHMENT_S3_SECRET_ACCESS_KEY];
      return s3.every(Boolean) || !s3.some(Boolean);
    },
    {
      message: 'ATTACHMENT_S3_ENDPOINT, ATTACHMENT_S3_BUCKET, ATTACHMENT_S3_ACCESS_KEY_ID and ATTACHMENT_S3_SECRET_ACCESS_KEY must be set together',
      path: ['ATTACHMENT_S3_ENDPOINT'],
    },
  );

export interface Config {
  dataDir: string;
  host: string;
  port: number;
  httpPort: number;
  /** Base of links in e-mails (invitations); defaults to https://localhost:PORT. */
  publicUrl: string;
  /** False when PUBLIC_URL is unset and `publicUrl` is only the default above. */
  isPublicUrlSet: boolean;
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
  invitationLimits: InvitationLimits;
  /** Days a deleted object stays in the account's trash, restorable, before it is purged. */
  trashRetentionDays: number;
  /** Days an inactive customer account is kept before it is deleted, its manager's admins warned 30 and 7 days before. */
  inactiveAccountRetentionDays: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Replicas the database's leader should have (KVARTER_HA_EXPECTED_REPLICAS, set by `ops ha up`);
   * undefined for one PostgreSQL, which has no cluster to show or alert about (decision 0052).
   */
  haExpectedReplicas: number | undefined;
  backup: BackupConfig;
  attachments: AttachmentConfig;
}

/** Files attached to actions (decision 0010). Without S3 settings they are kept under the data directory. */
export interface AttachmentConfig {
  /** Largest accepted file, in bytes; 20 MB (decimal, as the web app shows sizes) by default. */
  maxBytes: number;
  s3: S3Config | undefined;
  /** Prepended to every object key in the bucket; `attachments/` by default. */
  s3Prefix: string;
}

/**
 * Invitations sent in any rolling hour, so the installation's mail server cannot be used to send
 * text of a stranger's choosing in bulk (docs/product/api.md). Per inviter counts across every
 * account the person administers.
 */
export interface InvitationLimits {
  perAccountPerHour: number;
  perInviterPerHour: number;
}

/** Where backups go. Without S3 settings, everything stays under the data directory. */
export interface BackupConfig {
  s3: S3Config | undefined;
  /** Encrypts the pgBackRest repository and the logical dumps; generated into the data directory when unset. */
  encryptionPassphrase: string | undefined;
  /** Any moment of the last N days can be restored (time-based retention of full backups). */
  pitrWindowDays: number;
  dumpRetentionDays: number;
}

export interface S3Config {
  /** Host name, optionally with a port (`s3.eu-north-1.amazonaws.com`, `localhost:9000`); always HTTPS. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** CA for a private endpoint; public CAs are trusted otherwise. */
  caFile: string | undefined;
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
    isPublicUrlSet: env.PUBLIC_URL !== undefined,
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
    invitationLimits: { perAccountPerHour: env.INVITATIONS_PER_ACCOUNT_PER_HOUR, perInviterPerHour: env.INVITATIONS_PER_INVITER_PER_HOUR },
    logLevel: env.LOG_LEVEL,
    trashRetentionDays: env.TRASH_RETENTION_DAYS,
    inactiveAccountRetentionDays: env.INACTIVE_ACCOUNT_RETENTION_DAYS,
    haExpectedReplicas: env.KVARTER_HA_EXPECTED_REPLICAS,
    backup: {
      s3:
        env.BACKUP_S3_ENDPOINT && env.BACKUP_S3_BUCKET && env.BACKUP_S3_ACCESS_KEY_ID && env.BACKUP_S3_SECRET_ACCESS_KEY
          ? {
              endpoint: env.BACKUP_S3_ENDPOINT.replace(/^https:\/\//, '').replace(/\/$/, ''),
              bucket: env.BACKUP_S3_BUCKET,
              region: env.BACKUP_S3_REGION,
              accessKeyId: env.BACKUP_S3_ACCESS_KEY_ID,
              secretAccessKey: env.BACKUP_S3_SECRET_ACCESS_KEY,
              caFile: env.BACKUP_S3_CA_FILE,
            }
          : undefined,
      encryptionPassphrase: env.BACKUP_ENCRYPTION_PASSPHRASE,
      pitrWindowDays: env.PITR_WINDOW_DAYS,
      dumpRetentionDays: env.DUMP_RETENTION_DAYS,
    },
    attachments: {
      maxBytes: env.ATTACHMENT_MAX_BYTES,
      s3:
        env.ATTACHMENT_S3_ENDPOINT && env.ATTACHMENT_S3_BUCKET && env.ATTACHMENT_S3_ACCESS_KEY_ID && env.ATTACHMENT_S3_SECRET_ACCESS_KEY
          ? {
              endpoint: env.ATTACHMENT_S3_ENDPOINT.replace(/^https:\/\//, '').replace(/\/$/, ''),
              bucket: env.ATTACHMENT_S3_BUCKET,
              region: env.ATTACHMENT_S3_REGION,
              accessKeyId: env.ATTACHMENT_S3_ACCESS_KEY_ID,
              secretAccessKey: env.ATTACHMENT_S3_SECRET_ACCESS_KEY,
              caFile: env.ATTACHMENT_S3_CA_FILE,
            }
          : undefined,
      s3Prefix: env.ATTACHMENT_S3_PREFIX,
    },
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

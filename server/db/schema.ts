import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types for Kysely, matching migrations/. `npm run db:types` regenerates the equivalent from
 * a live database; the test db-schema.test.ts fails when this file and the migrations drift apart.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp column with a database default: optional on insert. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json = ColumnType<unknown, string, string>;
type DefaultedJson = ColumnType<unknown, string | undefined, string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  created_at: DefaultedTimestamp;
  password_changed_at: DefaultedTimestamp;
  /** Installation operator: sees backup status (the first user, or granted by `ops grant-operator`). */
  is_operator: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface AccountsTable {
  id: Generated<string>;
  name: string;
  created_at: DefaultedTimestamp;
}

export interface MembershipsTable {
  account_id: string;
  user_id: string;
  role: 'viewer' | 'editor' | 'admin';
  created_at: DefaultedTimestamp;
}

export interface InvitationsTable {
  id: Generated<string>;
  account_id: string;
  email: string;
  role: 'viewer' | 'editor' | 'admin';
  token_hash: string;
  invited_by: string | null;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  user_id: string | null;
  data: Json;
  expires_at: Timestamp;
  created_at: DefaultedTimestamp;
}

export interface LoginFailuresTable {
  email: string;
  failure_count: number;
  first_failure_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: DefaultedTimestamp;
  event: string;
  user_id: string | null;
  account_id: string | null;
  ip: string | null;
  details: DefaultedJson;
}

export interface OutboxEmailsTable {
  id: Generated<string>;
  recipient: string;
  subject: string;
  body: string;
  created_at: DefaultedTimestamp;
  sent_at: Timestamp | null;
  last_error: string | null;
}

export type BackupRunKind = 'full' | 'diff' | 'incr' | 'dump' | 'expire-dumps' | 'check' | 'verify' | 'drill' | 'restore' | 'restore-dump';

export interface BackupRunsTable {
  id: Generated<string>;
  kind: BackupRunKind;
  trigger: 'schedule' | 'manual';
  started_at: DefaultedTimestamp;
  finished_at: Timestamp | null;
  outcome: ColumnType<'running' | 'succeeded' | 'failed', 'running' | 'succeeded' | 'failed' | undefined>;
  size_bytes: number | null;
  message: string | null;
  details: DefaultedJson;
}

export interface BackupRepositoryStateTable {
  id: ColumnType<boolean, boolean | undefined, boolean>;
  observed_at: Timestamp;
  repository_type: 'posix' | 's3';
  oldest_recovery_point: Timestamp | null;
  newest_recovery_point: Timestamp | null;
  backups: DefaultedJson;
}

export interface Database {
  users: UsersTable;
  accounts: AccountsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_events: AuditEventsTable;
  outbox_emails: OutboxEmailsTable;
  backup_runs: BackupRunsTable;
  backup_repository_state: BackupRepositoryStateTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;

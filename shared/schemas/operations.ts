import { z } from 'zod';

/**
 * The backup status of the installation: the answer of GET /api/ops/status (operators only), the
 * data of the operations page, and what `ops status` prints. Times are ISO-8601 strings in UTC.
 */

/** Stable codes of the health checks (shared/backup-health.ts); clients translate them. */
export const backupCheckCodes = [
  'full_backup_fresh',
  'dump_fresh',
  'archiving_working',
  'archiving_not_lagging',
  'drill_passed',
  'verify_passed',
  'recovery_window_covered',
  // Only when the app runs against a replicated cluster (KVARTER_HA_EXPECTED_REPLICAS): shared/cluster-health.ts.
  'replicas_present',
  'replicas_not_lagging',
  'synchronous_replica',
] as const;
export const backupCheckCodeSchema = z.enum(backupCheckCodes);
export type BackupCheckCode = z.infer<typeof backupCheckCodeSchema>;

/** The kinds of backup run whose newest run the status shows (a subset of backup_runs.kind). */
export const reportedRunKinds = ['full', 'diff', 'dump', 'check', 'verify', 'drill'] as const;
export type ReportedRunKind = (typeof reportedRunKinds)[number];

const timestampSchema = z.iso.datetime();

export const backupRunOutcomeSchema = z.enum(['running', 'succeeded', 'failed']);
export type BackupRunOutcome = z.infer<typeof backupRunOutcomeSchema>;

/** The newest run of one kind, whatever its outcome (a running one included). */
export const backupRunSummarySchema = z.object({
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  outcome: backupRunOutcomeSchema,
  sizeBytes: z.number().nullable(),
  /** The tool's message (an error, or a short summary); at most 4000 characters. */
  message: z.string().nullable(),
});
export type BackupRunSummary = z.infer<typeof backupRunSummarySchema>;

/** PostgreSQL's WAL archiver (pg_stat_archiver); only for the managed cluster. */
export const archiverStatusSchema = z.object({
  lastArchivedAt: timestampSchema.nullable(),
  lastFailedAt: timestampSchema.nullable(),
  /** Failed attempts since the statistics were last reset (each is retried). */
  failedCount: z.number().int(),
  /** The newest attempt failed: last failure newer than the last success. */
  isFailing: z.boolean(),
  /** How long WAL has waited to be archived: 0 when nothing waits, null when nothing was ever archived. */
  lagSeconds: z.number().int().nullable(),
});
export type ArchiverStatus = z.infer<typeof archiverStatusSchema>;

/**
 * `pending`: the check has had no chance to run yet (a new installation whose first backups are
 * still under way, shared/backup-health.ts); never the result of a failed run. `failing` is what
 * alerts.
 */
export const backupCheckStateSchema = z.enum(['ok', 'pending', 'failing']);
export type BackupCheckState = z.infer<typeof backupCheckStateSchema>;

export const backupCheckSchema = z.object({
  code: backupCheckCodeSchema,
  state: backupCheckStateSchema,
  /** `state === 'ok'`: kept for clients from before `state`; a pending check is not ok yet. */
  ok: z.boolean(),
  /** When the evidence the check judged was produced (a backup's end, the last archived WAL…); null when there is none. */
  observedAt: timestampSchema.nullable(),
});
export type BackupCheck = z.infer<typeof backupCheckSchema>;

const lastRunSchema = backupRunSummarySchema.nullable();

/** One replica as the leader sees it (a row of pg_stat_replication). */
export const replicaStatusSchema = z.object({
  /** The replica's application_name: Patroni sets it to the member name (n2, n3…). */
  name: z.string(),
  /** The replica's address as the leader sees its connection; null over a Unix socket. */
  address: z.string().nullable(),
  /** pg_stat_replication.state: `streaming` when caught up and following; `startup`, `catchup`, `backup`, `stopping` otherwise. */
  state: z.string(),
  synchronous: z.boolean(),
  /** WAL written on the leader and not yet replayed on the replica; null before the replica has replayed anything. */
  lagBytes: z.number().int().nullable(),
});
export type ReplicaStatus = z.infer<typeof replicaStatusSchema>;

/**
 * The replicated cluster as the app's database connection (through HAProxy, to the leader) sees
 * it: decision 0052. Null under `npm start` (one PostgreSQL, nothing to replicate).
 */
export const clusterStatusSchema = z.object({
  /** The node the app writes to: its Patroni member name when the node says it, else its address and port. */
  leader: z.object({ name: z.string() }),
  /** KVARTER_HA_EXPECTED_REPLICAS. */
  expectedReplicas: z.number().int(),
  /** Ordered by name. */
  replicas: z.array(replicaStatusSchema),
});
export type ClusterStatus = z.infer<typeof clusterStatusSchema>;

export const backupStatusSchema = z.object({
  generatedAt: timestampSchema,
  /** `failing` when any check fails, else `pending` while any check waits for its first run, else `ok`. */
  overall: backupCheckStateSchema,
  /**
   * `managed`: the local cluster with pgBackRest (PITR, archiving). `external`: DATABASE_URL, whose
   * provider does PITR; only the logical dumps are ours then.
   */
  physicalBackups: z.enum(['managed', 'external']),
  repositoryType: z.enum(['posix', 's3']).nullable(),
  recoveryWindow: z.object({
    oldest: timestampSchema.nullable(),
    newest: timestampSchema.nullable(),
    /** PITR_WINDOW_DAYS: any moment of the last N days must be restorable. */
    targetDays: z.number().int(),
  }),
  lastRuns: z.object({
    full: lastRunSchema,
    diff: lastRunSchema,
    dump: lastRunSchema,
    check: lastRunSchema,
    verify: lastRunSchema,
    drill: lastRunSchema,
  }),
  archiver: archiverStatusSchema.nullable(),
  cluster: clusterStatusSchema.nullable(),
  /**
   * In the stable order of backupCheckCodes; archiving and physical checks are absent for
   * `external`, the replica checks are present only when `cluster` is.
   */
  checks: z.array(backupCheckSchema),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface ReplicationRow {
  name: string;
  address: string | null;
  state: string;
  sync_state: string;
  /** Double precision, exact for any lag below 2^53 bytes. */
  lag_bytes: number | null;
}

/**
 * The replicas connected to the node this connection reaches (the leader, through HAProxy). The
 * app role sees the columns of other roles' connections through pg_read_all_stats (granted in
 * ops/local-cluster.ts bootstrap); without it state and the LSNs read as null. A node in recovery
 * has no current WAL position to measure from, so lag is null there.
 */
export async function listReplicationRows(db: Db): Promise<ReplicationRow[]> {
  const result = await sql<ReplicationRow>`
    select application_name as name, host(client_addr) as address, coalesce(state, 'unknown') as state,
           coalesce(sync_state, 'unknown') as sync_state,
           case when pg_is_in_recovery() then null
                else pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::double precision end as lag_bytes
    from pg_stat_replication
    -- A base backup (a replica being cloned, pg_basebackup) is not a replica yet.
    where state is distinct from 'backup'
    order by application_name, pid
  `.execute(db);
  return result.rows;
}

/**
 * The name of the node this connection reaches: the Patroni member name that ops/ha/patroni-config.ts
 * puts in kvarter.node_name, else its address and port (any other replicated PostgreSQL).
 */
export async function findLeaderName(db: Db): Promise<string> {
  const result = await sql<{ name: string }>`
    select coalesce(nullif(current_setting('kvarter.node_name', true), ''),
                    coalesce(host(inet_server_addr()), 'local') || ':' || current_setting('port')) as name
  `.execute(db);
  return result.rows[0]!.name;
}

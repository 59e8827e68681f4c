import { combineStates } from '../../../shared/backup-health.ts';
import { clusterCheckCodes, isReplicaLagging } from '../../../shared/cluster-health.ts';
import type { BackupStatus, ClusterStatus } from '../../../shared/schemas/operations.ts';
import { formatBytes } from '../../lib/i18n/format-time.ts';
import type { MessageKey } from '../../lib/i18n/translate.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { StatusBadge } from './status-badge.tsx';

/** pg_stat_replication's states that have a text of their own; any other is shown as PostgreSQL names it. */
const stateKeys: Partial<Record<string, MessageKey>> = {
  streaming: 'operations.cluster.state.streaming',
  catchup: 'operations.cluster.state.catchup',
  startup: 'operations.cluster.state.startup',
  stopping: 'operations.cluster.state.stopping',
};

/**
 * The replicated database cluster (decision 0052): the leader the app writes to and each replica
 * it streams to. Shown only when the app runs against a cluster (KVARTER_HA_EXPECTED_REPLICAS).
 */
export function ClusterSection({ status, cluster }: { status: BackupStatus; cluster: ClusterStatus }) {
  const { t, language } = useTranslation();
  const tone = combineStates(status.checks.filter((item) => clusterCheckCodes.includes(item.code)).map((item) => item.state));
  const stateText = (state: string) => {
    const key = stateKeys[state];
    return key ? t(key) : state;
  };
  const missing = Math.max(0, cluster.expectedReplicas - cluster.replicas.length);
  return (
    <section className="section" aria-labelledby="cluster-title">
      <div className="section__header">
        <h2 id="cluster-title">{t('operations.cluster_title')}</h2>
        <StatusBadge tone={tone} />
      </div>
      <dl className="facts">
        <dt>{t('operations.cluster.leader')}</dt>
        <dd>{cluster.leader.name}</dd>
        <dt>{t('operations.cluster.replicas')}</dt>
        <dd>{t('operations.cluster.replicas_value', { count: cluster.replicas.length, expected: cluster.expectedReplicas })}</dd>
      </dl>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('operations.cluster.column.replica')}</th>
              <th scope="col">{t('operations.column.status')}</th>
              <th scope="col">{t('operations.cluster.column.replication')}</th>
              <th scope="col">{t('operations.cluster.column.lag')}</th>
            </tr>
          </thead>
          <tbody>
            {cluster.replicas.map((replica) => (
              <tr key={replica.name}>
                <th scope="row">{replica.name}</th>
                <td>
                  <StatusBadge tone={isReplicaLagging(replica) ? 'failing' : 'ok'} /> {stateText(replica.state)}
                </td>
                <td>{t(replica.synchronous ? 'operations.cluster.synchronous' : 'operations.cluster.asynchronous')}</td>
                <td>{replica.lagBytes === null ? t('operations.cluster.lag_unknown') : formatBytes(replica.lagBytes, language)}</td>
              </tr>
            ))}
            {missing > 0 && (
              <tr>
                <th scope="row">{missing === 1 ? t('operations.cluster.missing.one') : t('operations.cluster.missing.other', { count: missing })}</th>
                <td>
                  <StatusBadge tone="failing" />
                </td>
                <td />
                <td />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import type { SessionSummary } from '../../../shared/schemas/sessions.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { formatDateTime } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { describeUserAgent } from './describe-user-agent.ts';
import { useEndSessions, useSessions } from './sessions-api.ts';

/** "Where you're signed in": every session of the user, and ending the others. */
export function SessionsSection() {
  const { t, language } = useTranslation();
  const sessions = useSessions();
  const endSessions = useEndSessions();
  const others = (sessions.data ?? []).filter((session) => !session.current);

  return (
    <section aria-labelledby="security-sessions">
      <h2 id="security-sessions">{t('sessions.title')}</h2>
      <p>{t('sessions.intro')}</p>
      {endSessions.isError && <Alert tone="error">{describeApiError(endSessions.error, t)}</Alert>}
      {sessions.isPending && <Spinner label={t('loading')} />}
      {sessions.isError && <QueryLoadError query={sessions} />}
      {sessions.data && (
        <ul className="session-list">
          {sessions.data.map((session) => (
            <li key={session.id} className="session-list__item">
              <div>
                <strong>{deviceName(session, t)}</strong>
                {session.current && <span className="session-list__current">{t('sessions.this_device')}</span>}
                <div className="session-list__times">
                  {t('sessions.signed_in', { time: formatDateTime(session.createdAt, language) })} ·{' '}
                  {t('sessions.last_active', { time: formatDateTime(session.lastSeenAt, language) })}
                </div>
              </div>
              {!session.current && (
                <Button onClick={() => endSessions.mutate([session.id])} disabled={endSessions.isPending}>
                  {t('sessions.sign_out')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <Button variant="danger" isPending={endSessions.isPending} onClick={() => endSessions.mutate(others.map((session) => session.id))}>
          {t('sessions.sign_out_others')}
        </Button>
      )}
    </section>
  );
}

function deviceName(session: SessionSummary, t: ReturnType<typeof useTranslation>['t']): string {
  const { browser, system } = describeUserAgent(session.userAgent);
  if (browser && system) return t('sessions.browser_on_system', { browser, system });
  return browser ?? system ?? t('sessions.unknown_device');
}

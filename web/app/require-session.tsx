import { Navigate, Outlet, useLocation } from 'react-router';
import { Spinner } from '../components/ui/spinner.tsx';
import { signInPathFor } from '../features/auth/next-path.ts';
import { useMe } from '../features/auth/session.ts';
import { QueryLoadError } from '../lib/api/query-load-error.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';

/** Signed-out visitors go to sign-in and come back to the address they asked for. */
export function RequireSession() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <Spinner label={t('loading')} />;
  if (me.isError) {
    return (
      <main className="page">
        <QueryLoadError query={me} />
      </main>
    );
  }
  if (me.data === null) {
    return <Navigate to={signInPathFor(location.pathname + location.search + location.hash)} replace />;
  }
  return <Outlet />;
}

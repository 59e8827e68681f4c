import { Link } from 'react-router';
import { LoadError } from '../../components/ui/load-error.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { ApiError } from './api-error.ts';
import { describeApiError } from './describe-api-error.ts';

/** The part of a TanStack Query result (or of several combined) that a failed load needs. */
export interface FailedQuery {
  error: unknown;
  refetch: () => unknown;
  isFetching: boolean;
}

interface QueryLoadErrorProps {
  query: FailedQuery;
  /** What could not be loaded, said before the reason when the screen shows more than one thing. */
  context?: string;
}

/**
 * A failed load on any screen: one place decides how it reads (the server's reason in the chosen
 * language) and how it retries (refetching, with the button busy meanwhile), so no screen drifts.
 */
export function QueryLoadError({ query, context }: QueryLoadErrorProps) {
  const { t } = useTranslation();
  const reason = describeApiError(query.error, t);
  const loadError = (
    <LoadError
      message={context === undefined ? reason : `${context} ${reason}`}
      retryLabel={t('action.retry')}
      isRetrying={query.isFetching}
      onRetry={() => void query.refetch()}
    />
  );
  // The account requires a second factor this member lacks: the way out is one link away.
  if (!(query.error instanceof ApiError && query.error.code === 'two_factor_required')) return loadError;
  return (
    <>
      {loadError}
      <p>
        <Link to="/security">{t('error.two_factor_required_link')}</Link>
      </p>
    </>
  );
}

import { useParams } from 'react-router';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { Spinner } from '../components/ui/spinner.tsx';
import { useSharedPlan } from '../features/share-links/shared-plan-api.ts';
import { SharedPlanView } from '../features/share-links/shared-plan-view.tsx';
import { ApiError } from '../lib/api/api-error.ts';
import { QueryLoadError } from '../lib/api/query-load-error.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** /share/:token: a plan shared with someone without an account (docs/product/screens.md § Share view). */
export function SharePage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const shared = useSharedPlan(token);
  usePageTitle(shared.data ? `${shared.data.plan.name} – ${shared.data.propertyName}` : t('share.title'));

  if (shared.isPending) return <Spinner label={t('loading')} />;
  if (shared.isError) {
    if (shared.error instanceof ApiError && shared.error.code === 'not_found') {
      return (
        <EmptyState headingLevel={1} title={t('share.invalid_title')}>
          <p>{t('share.invalid_text')}</p>
        </EmptyState>
      );
    }
    return <QueryLoadError query={shared} />;
  }
  return <SharedPlanView token={token} plan={shared.data} />;
}

import { Link } from 'react-router';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('not_found.title'));
  return (
    <EmptyState headingLevel={1} title={t('not_found.title')} action={<Link to="/">{t('account.go_to_start')}</Link>}>
      <p>{t('not_found.text')}</p>
    </EmptyState>
  );
}

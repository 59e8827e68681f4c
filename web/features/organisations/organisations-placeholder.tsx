import { EmptyState } from '../../components/ui/empty-state.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

/**
 * Stands where the account's organisations will be listed. There is no organisations API yet,
 * so this shows no data at all rather than a guess; it is replaced when that feature lands.
 */
export function OrganisationsPlaceholder() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('organisations.none_title')}>
      <p>{t('organisations.none_text')}</p>
    </EmptyState>
  );
}

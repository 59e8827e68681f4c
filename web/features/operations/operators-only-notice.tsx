import { EmptyState } from '../../components/ui/empty-state.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

export function OperatorsOnlyNotice() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('operations.operators_only_title')}>
      <p>{t('operations.operators_only_text')}</p>
    </EmptyState>
  );
}

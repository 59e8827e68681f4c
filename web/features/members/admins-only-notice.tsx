import { EmptyState } from '../../components/ui/empty-state.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

export function AdminsOnlyNotice() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('members.admins_only_title')}>
      <p>{t('members.admins_only_text')}</p>
    </EmptyState>
  );
}

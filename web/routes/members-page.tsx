import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { AdminsOnlyNotice } from '../features/members/admins-only-notice.tsx';
import { MembersOverview } from '../features/members/members-overview.tsx';
import { RequireTwoFactorSetting } from '../features/two-factor/require-two-factor-setting.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

export function MembersPage() {
  const { t } = useTranslation();
  usePageTitle(t('members.title'));
  const membership = useCurrentMembership();
  return (
    <>
      <h1>{t('members.title')}</h1>
      <p className="page__lead">{membership.accountName}</p>
      {membership.role === 'admin' ? <MembersOverview accountId={membership.accountId} /> : <AdminsOnlyNotice />}
      {membership.role === 'admin' && <RequireTwoFactorSetting accountId={membership.accountId} />}
    </>
  );
}

import { Spinner } from '../../components/ui/spinner.tsx';
import { ApiError } from '../../lib/api/api-error.ts';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { AdminsOnlyNotice } from './admins-only-notice.tsx';
import { InvitationList } from './invitation-list.tsx';
import { InviteMemberForm } from './invite-member-form.tsx';
import { MemberList } from './member-list.tsx';
import { useMembers } from './members-api.ts';

/** Everything an admin manages about who is in the account. */
export function MembersOverview({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const members = useMembers(accountId);

  if (members.isPending) return <Spinner label={t('loading')} />;
  if (members.isError) {
    // The role may have been lowered since `me` was loaded.
    if (members.error instanceof ApiError && members.error.code === 'forbidden') return <AdminsOnlyNotice />;
    return <QueryLoadError query={members} />;
  }
  return (
    <>
      <section className="section">
        <h2>{t('members.invite_title')}</h2>
        <InviteMemberForm accountId={accountId} />
      </section>
      <section className="section">
        <h2>{t('members.list_title')}</h2>
        <MemberList accountId={accountId} members={members.data.members} />
      </section>
      <section className="section">
        <h2>{t('invitations.title')}</h2>
        <InvitationList accountId={accountId} invitations={members.data.invitations} canSendEmail={members.data.canSendEmail} />
      </section>
    </>
  );
}

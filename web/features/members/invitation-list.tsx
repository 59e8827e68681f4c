import type { Invitation } from '../../../shared/schemas/member.ts';
import { Button } from '../../components/ui/button.tsx';
import { FeedbackAlert } from '../../lib/feedback/feedback-alert.tsx';
import { useActionFeedback } from '../../lib/feedback/use-action-feedback.ts';
import { formatDate } from '../../lib/i18n/format-date.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useAccessSummary } from './access-summary.ts';
import { useCancelInvitation, useCopyInvitationLink } from './members-api.ts';
import { roleName } from './role-options.ts';

interface InvitationListProps {
  accountId: string;
  invitations: readonly Invitation[];
  /** Without SMTP the admin hands each link over: a button copies a fresh one. */
  canSendEmail: boolean;
}

/** Pending invitations; cancelling one needs no confirmation since it can simply be sent again. */
export function InvitationList({ accountId, invitations, canSendEmail }: InvitationListProps) {
  const { t, language } = useTranslation();
  const cancelInvitation = useCancelInvitation(accountId);
  const copyLink = useCopyInvitationLink(accountId);
  const { feedback, setFeedback, showError, reportOutcome } = useActionFeedback();
  const accessOf = useAccessSummary(accountId);

  function handleCancel(invitation: Invitation) {
    cancelInvitation.mutate(invitation.id, reportOutcome('invitations.cancelled', { email: invitation.email }));
  }

  function handleCopyLink(invitation: Invitation) {
    setFeedback(null);
    copyLink.mutate(invitation.id, {
      onSuccess: async ({ link }) => {
        const params = { email: invitation.email, link };
        // The clipboard may be refused (permissions, an insecure context): the link is shown either way.
        const isCopied = await navigator.clipboard?.writeText(link).then(
          () => true,
          () => false,
        );
        setFeedback({ tone: 'success', key: isCopied ? 'invitations.link_copied' : 'invitations.link_ready', params });
      },
      onError: showError,
    });
  }

  return (
    <>
      <FeedbackAlert feedback={feedback} />
      {invitations.length === 0 ? (
        <p className="muted">{t('invitations.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('members.column.email')}</th>
                <th scope="col">{t('members.column.role')}</th>
                <th scope="col">{t('members.access.column')}</th>
                <th scope="col">{t('invitations.column.expires')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('members.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td className="table__email">{invitation.email}</td>
                  <td>{roleName(invitation.role, t)}</td>
                  <td>{accessOf(invitation.propertyIds)}</td>
                  <td>{formatDate(invitation.expiresAt, language)}</td>
                  <td className="table__actions">
                    {!canSendEmail && (
                      <Button
                        aria-label={t('invitations.copy_link_named', { email: invitation.email })}
                        isPending={copyLink.isPending && copyLink.variables === invitation.id}
                        onClick={() => handleCopyLink(invitation)}
                      >
                        {t('invitations.copy_link')}
                      </Button>
                    )}
                    <Button
                      aria-label={t('invitations.cancel_named', { email: invitation.email })}
                      isPending={cancelInvitation.isPending && cancelInvitation.variables === invitation.id}
                      onClick={() => handleCancel(invitation)}
                    >
                      {t('invitations.cancel')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import { useNavigate } from 'react-router';
import type { ReceivedInvitation } from '../../../shared/schemas/invitation.ts';
import { Button } from '../../components/ui/button.tsx';
import { FeedbackAlert } from '../../lib/feedback/feedback-alert.tsx';
import { useActionFeedback } from '../../lib/feedback/use-action-feedback.ts';
import { formatDate } from '../../lib/i18n/format-date.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useAcceptInvitation, useDeclineInvitation, useReceivedInvitations } from './received-invitations-api.ts';
import { roleName } from './role-options.ts';

/**
 * The signed-in person's pending invitations, on every page until answered. The account's name is
 * the inviter's choice, so it is quoted and the inviting person's own name and address come first.
 */
export function ReceivedInvitations() {
  const { t, language } = useTranslation();
  const navigate = useNavigate();
  const invitations = useReceivedInvitations();
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  const { feedback, setFeedback, showError, reportOutcome } = useActionFeedback();

  function handleAccept(invitation: ReceivedInvitation) {
    setFeedback(null);
    accept.mutate(invitation.id, {
      onSuccess: ({ accountId }) => navigate(`/accounts/${accountId}`),
      onError: showError,
    });
  }

  function handleDecline(invitation: ReceivedInvitation) {
    decline.mutate(invitation.id, reportOutcome('invitations.declined', { email: invitation.invitedBy.email }));
  }

  const pending = invitations.data ?? [];
  if (pending.length === 0) return <FeedbackAlert feedback={feedback} />;
  return (
    <section className="received-invitations" aria-labelledby="received-invitations-title">
      <h2 id="received-invitations-title">{t('invitations.received_title')}</h2>
      <FeedbackAlert feedback={feedback} />
      <ul className="received-invitations__list">
        {pending.map((invitation) => (
          <li key={invitation.id} className="received-invitations__item">
            <p>
              {t('invitations.received_from', { name: invitation.invitedBy.name, email: invitation.invitedBy.email })}
              <br />
              {t('invitations.received_account', { account: invitation.accountName, role: roleName(invitation.role, t) })}
              {invitation.propertyNames && (
                <>
                  <br />
                  {t('members.access.invited_to', { names: invitation.propertyNames.join(', ') })}
                </>
              )}
              <br />
              <span className="muted">{t('invitations.received_expires', { date: formatDate(invitation.expiresAt, language) })}</span>
            </p>
            <div className="received-invitations__actions">
              <Button
                variant="primary"
                aria-label={t('invitations.accept_named', { email: invitation.invitedBy.email })}
                isPending={accept.isPending && accept.variables === invitation.id}
                onClick={() => handleAccept(invitation)}
              >
                {t('invitations.accept')}
              </Button>
              <Button
                aria-label={t('invitations.decline_named', { email: invitation.invitedBy.email })}
                isPending={decline.isPending && decline.variables === invitation.id}
                onClick={() => handleDecline(invitation)}
              >
                {t('invitations.decline')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { Link, useParams } from 'react-router';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { Spinner } from '../components/ui/spinner.tsx';
import { AcceptInvitationForm } from '../features/members/accept-invitation-form.tsx';
import { useInvitationPreview } from '../features/members/invitation-acceptance-api.ts';
import { roleName } from '../features/members/role-options.ts';
import { ApiError } from '../lib/api/api-error.ts';
import { QueryLoadError } from '../lib/api/query-load-error.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const token = useParams().token ?? '';
  const preview = useInvitationPreview(token);

  if (preview.isPending) return <Spinner label={t('loading')} />;
  if (preview.isError) {
    if (preview.error instanceof ApiError && preview.error.code === 'not_found') {
      return (
        <EmptyState headingLevel={1} title={t('invitation.invalid_title')} action={<Link to="/signin">{t('signin.title')}</Link>}>
          <p>{t('invitation.invalid_text')}</p>
        </EmptyState>
      );
    }
    return <QueryLoadError query={preview} />;
  }
  const invitation = preview.data;
  return (
    <div className="auth-card">
      <h1>{t('invitation.heading', { account: invitation.accountName })}</h1>
      <p>{t('invitation.intro', { account: invitation.accountName, role: roleName(invitation.role, t) })}</p>
      {invitation.propertyNames && <p>{t('members.access.invited_to', { names: invitation.propertyNames.join(', ') })}</p>}
      <AcceptInvitationForm token={token} invitation={invitation} />
      {/* Someone who already has a user accepts from their own list after signing in (no second user). */}
      <p className="form__note">
        {t('invitations.existing_user')} <Link to="/signin">{t('signin.title')}</Link>
      </p>
    </div>
  );
}

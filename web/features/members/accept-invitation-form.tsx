import { useNavigate } from 'react-router';
import { z } from 'zod';
import { acceptInvitationRequestSchema, type InvitationPreview } from '../../../shared/schemas/member.ts';
import { passwordMinLength } from '../../../shared/schemas/password.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { ApiError } from '../../lib/api/api-error.ts';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useAcceptInvitation } from './invitation-acceptance-api.ts';

/** The confirmation catches a typo in the new password; it never leaves the browser. */
const acceptInvitationFormSchema = acceptInvitationRequestSchema
  .extend({ passwordConfirmation: z.string() })
  .refine((values) => values.password === values.passwordConfirmation, {
    path: ['passwordConfirmation'],
    error: 'password.mismatch',
  });

interface AcceptInvitationFormProps {
  token: string;
  invitation: InvitationPreview;
}

export function AcceptInvitationForm({ token, invitation }: AcceptInvitationFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const acceptInvitation = useAcceptInvitation(token);
  const form = useValidatedForm(acceptInvitationFormSchema);
  // The link can expire or be used between showing the form and sending it.
  const isInvitationGone = acceptInvitation.error instanceof ApiError && acceptInvitation.error.code === 'not_found';

  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(({ name, password }) =>
        acceptInvitation.mutate(
          { name, password },
          {
            onError: form.showApiError,
            onSuccess: ({ accountId }) => navigate(`/accounts/${accountId}`, { replace: true }),
          },
        ),
      )}
    >
      {acceptInvitation.isError && <Alert tone="error">{isInvitationGone ? t('invitation.invalid_text') : describeApiError(acceptInvitation.error, t)}</Alert>}
      {/* Read-only, without a name so it is not sent: it tells password managers which account this is. */}
      <TextField label={t('field.email')} type="email" autoComplete="username" value={invitation.email} readOnly />
      <TextField label={t('field.name')} name="name" autoComplete="name" required error={form.errorFor('name')} />
      <TextField
        label={t('field.choose_password')}
        hint={t('field.password_hint', { count: passwordMinLength })}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={form.errorFor('password')}
      />
      <TextField
        label={t('field.password_confirmation')}
        name="passwordConfirmation"
        type="password"
        autoComplete="new-password"
        required
        error={form.errorFor('passwordConfirmation')}
      />
      <Button type="submit" variant="primary" isPending={acceptInvitation.isPending}>
        {t('invitation.submit')}
      </Button>
    </form>
  );
}

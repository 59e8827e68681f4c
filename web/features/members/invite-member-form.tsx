import { inviteMemberRequestSchema } from '../../../shared/schemas/member.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useInviteMember } from './members-api.ts';
import { roleOptions } from './role-options.ts';

export function InviteMemberForm({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const inviteMember = useInviteMember(accountId);
  const form = useValidatedForm(inviteMemberRequestSchema);

  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((request, formElement) => inviteMember.mutate(request, { onError: form.showApiError, onSuccess: () => formElement.reset() }))}
    >
      {inviteMember.isError && <Alert tone="error">{describeApiError(inviteMember.error, t)}</Alert>}
      {inviteMember.isSuccess && <Alert tone="success">{t('members.invited', { email: inviteMember.data.invitation.email })}</Alert>}
      <div className="form__row">
        <TextField label={t('field.email')} name="email" type="email" autoComplete="off" required error={form.errorFor('email')} />
        {/* Least privilege by default: the admin raises the role on purpose. */}
        <SelectField label={t('members.column.role')} name="role" options={roleOptions(t)} defaultValue="viewer" error={form.errorFor('role')} />
      </div>
      <p className="form__note">{t('members.roles_explained')}</p>
      <Button type="submit" variant="primary" isPending={inviteMember.isPending}>
        {t('members.invite_submit')}
      </Button>
    </form>
  );
}

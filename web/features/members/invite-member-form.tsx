import { useState } from 'react';
import { z } from 'zod';
import { inviteMemberRequestSchema } from '../../../shared/schemas/member.ts';
import { roleSchema, type Role } from '../../../shared/schemas/role.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useAccountProperties } from './account-properties.ts';
import { useInviteMember } from './members-api.ts';
import { PropertyAccessField } from './property-access-field.tsx';
import { roleOptions } from './role-options.ts';

/**
 * The chosen properties travel in one hidden field as JSON, so the API's own schema checks the
 * whole request; the access radios' group name is no field of it.
 */
const inviteMemberFormSchema = z.preprocess((values) => {
  const { email, role, propertyIds } = values as Record<string, unknown>;
  return typeof propertyIds === 'string' ? { email, role, propertyIds: JSON.parse(propertyIds) as unknown } : { email, role };
}, inviteMemberRequestSchema);

export function InviteMemberForm({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const inviteMember = useInviteMember(accountId);
  const form = useValidatedForm(inviteMemberFormSchema);
  const properties = useAccountProperties(accountId);
  // Least privilege by default: the admin raises the role on purpose.
  const [role, setRole] = useState<Role>('viewer');
  const [propertyIds, setPropertyIds] = useState<string[] | null>(null);
  const isLimited = role !== 'admin' && propertyIds !== null;

  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((request, formElement) =>
        inviteMember.mutate(request, {
          onError: form.showApiError,
          onSuccess: () => {
            formElement.reset();
            setRole('viewer');
            setPropertyIds(null);
          },
        }),
      )}
    >
      {inviteMember.isError && <Alert tone="error">{describeApiError(inviteMember.error, t)}</Alert>}
      {inviteMember.isSuccess && <Alert tone="success">{t('members.invited', { email: inviteMember.data.invitation.email })}</Alert>}
      <div className="form__row">
        <TextField label={t('field.email')} name="email" type="email" autoComplete="off" required error={form.errorFor('email')} />
        <SelectField
          label={t('members.column.role')}
          name="role"
          options={roleOptions(t)}
          value={role}
          onChange={(event) => setRole(roleSchema.parse(event.target.value))}
          error={form.errorFor('role')}
        />
      </div>
      <p className="form__note">{t('members.roles_explained')}</p>
      <PropertyAccessField
        groups={properties.groups}
        isPending={properties.isPending}
        failed={properties.failed}
        value={propertyIds}
        onChange={setPropertyIds}
        isAdmin={role === 'admin'}
        error={form.errorFor('propertyIds')}
      />
      {isLimited && <input type="hidden" name="propertyIds" value={JSON.stringify(propertyIds)} />}
      <Button type="submit" variant="primary" isPending={inviteMember.isPending}>
        {t('members.invite_submit')}
      </Button>
    </form>
  );
}

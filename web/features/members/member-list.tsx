import { useState } from 'react';
import type { Member } from '../../../shared/schemas/member.ts';
import { roleSchema, type Role } from '../../../shared/schemas/role.ts';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { FeedbackAlert } from '../../lib/feedback/feedback-alert.tsx';
import { useActionFeedback } from '../../lib/feedback/use-action-feedback.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useSession } from '../auth/session.ts';
import { useAccessSummary } from './access-summary.ts';
import { MemberAccessDialog } from './member-access-dialog.tsx';
import { useChangeRole, useRemoveMember } from './members-api.ts';
import { roleOptions } from './role-options.ts';

interface MemberListProps {
  accountId: string;
  members: readonly Member[];
}

export function MemberList({ accountId, members }: MemberListProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const changeRole = useChangeRole(accountId);
  const removeMember = useRemoveMember(accountId);
  const { feedback, setFeedback, reportOutcome } = useActionFeedback();
  const [memberToRemove, setMemberToRemove] = useState<Member | null>(null);
  const [memberToScope, setMemberToScope] = useState<Member | null>(null);
  const accessOf = useAccessSummary(accountId);

  function handleRoleChange(member: Member, role: Role) {
    changeRole.mutate({ userId: member.userId, role, isLimited: member.propertyIds !== null }, reportOutcome('members.role_changed', { name: member.name }));
  }

  function handleRemoveConfirmed(member: Member) {
    removeMember.mutate(member.userId, { ...reportOutcome('members.removed', { name: member.name }), onSettled: () => setMemberToRemove(null) });
  }

  return (
    <>
      <FeedbackAlert feedback={feedback} />
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('members.column.name')}</th>
              <th scope="col">{t('members.column.email')}</th>
              <th scope="col">{t('members.column.role')}</th>
              <th scope="col">{t('members.access.column')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('members.column.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              // Shows the chosen role while the change is saved; the select stays enabled so focus is kept.
              const pendingRole = changeRole.isPending && changeRole.variables.userId === member.userId ? changeRole.variables.role : null;
              return (
                <tr key={member.userId}>
                  <td className="table__name">
                    {member.name}
                    {/* The space keeps "Anna du" two words for screen readers and copied text. */}
                    {member.userId === user.id && (
                      <>
                        {' '}
                        <span className="badge">{t('members.you')}</span>
                      </>
                    )}
                  </td>
                  <td className="table__email">{member.email}</td>
                  <td>
                    <SelectField
                      label={t('members.role_for', { name: member.name })}
                      isLabelHidden
                      options={roleOptions(t)}
                      value={pendingRole ?? member.role}
                      onChange={(event) => handleRoleChange(member, roleSchema.parse(event.target.value))}
                    />
                  </td>
                  <td>{accessOf(member.role === 'admin' ? null : member.propertyIds)}</td>
                  <td className="table__actions">
                    {member.role !== 'admin' && (
                      <Button aria-label={t('members.access.change_named', { name: member.name })} onClick={() => setMemberToScope(member)}>
                        {t('members.access.change')}
                      </Button>
                    )}
                    <Button variant="danger" aria-label={t('members.remove_named', { name: member.name })} onClick={() => setMemberToRemove(member)}>
                      {t('members.remove')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        isOpen={memberToRemove !== null}
        title={t('members.remove_title', { name: memberToRemove?.name ?? '' })}
        confirmLabel={t('members.remove')}
        cancelLabel={t('action.cancel')}
        isPending={removeMember.isPending}
        onConfirm={() => memberToRemove && handleRemoveConfirmed(memberToRemove)}
        onCancel={() => setMemberToRemove(null)}
      >
        <p>{t('members.remove_text')}</p>
      </ConfirmDialog>
      {memberToScope && (
        <MemberAccessDialog
          accountId={accountId}
          member={memberToScope}
          onClose={() => setMemberToScope(null)}
          onChanged={(member, propertyIds) => {
            setMemberToScope(null);
            setFeedback({ tone: 'success', key: 'members.access.changed', params: { name: member.name, access: accessOf(propertyIds) } });
          }}
        />
      )}
    </>
  );
}

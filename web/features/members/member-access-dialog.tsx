import { useId, useState } from 'react';
import type { Member } from '../../../shared/schemas/member.ts';
import { Button } from '../../components/ui/button.tsx';
import { useModalDialog } from '../../components/ui/use-modal-dialog.ts';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import { useAccountProperties } from './account-properties.ts';
import { useChangeMemberProperties } from './members-api.ts';
import { PropertyAccessField } from './property-access-field.tsx';

interface MemberAccessDialogProps {
  accountId: string;
  member: Member;
  onClose: () => void;
  onChanged: (member: Member, propertyIds: string[] | null) => void;
}

/** Changes which properties a (non-admin) member reaches; opened from the member's row. */
export function MemberAccessDialog({ accountId, member, onClose, onChanged }: MemberAccessDialogProps) {
  const { t, language } = useTranslation();
  const dialog = useModalDialog(true);
  const titleId = useId();
  const properties = useAccountProperties(accountId);
  const changeProperties = useChangeMemberProperties(accountId);
  const [propertyIds, setPropertyIds] = useState<string[] | null>(member.propertyIds);
  const [emptyChoice, setEmptyChoice] = useState(false);

  function save() {
    // The API's own rule, said beside the choice before asking.
    if (propertyIds !== null && propertyIds.length === 0) {
      setEmptyChoice(true);
      return;
    }
    changeProperties.mutate({ userId: member.userId, propertyIds }, { onSuccess: () => onChanged(member, propertyIds) });
  }

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 className="dialog__title" id={titleId}>
        {t('members.access.change_title', { name: member.name })}
      </h2>
      {changeProperties.isError && <Alert tone="error">{describeActionError(changeProperties.error, t, language)}</Alert>}
      <PropertyAccessField
        groups={properties.groups}
        isPending={properties.isPending}
        failed={properties.failed}
        value={propertyIds}
        onChange={(next) => {
          setEmptyChoice(false);
          setPropertyIds(next);
        }}
        isAdmin={false}
        error={emptyChoice ? translateValidationMessage('member.property_ids_empty', language) : undefined}
      />
      <div className="dialog__actions">
        <Button onClick={onClose}>{t('action.cancel')}</Button>
        <Button variant="primary" isPending={changeProperties.isPending} onClick={save}>
          {t('members.access.save')}
        </Button>
      </div>
    </dialog>
  );
}

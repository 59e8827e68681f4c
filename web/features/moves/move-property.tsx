import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Property } from '../../../shared/schemas/property.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { movedState } from './move-notice.tsx';
import { useMoveProperty, useOrganisationTargets } from './moves-api.ts';

interface MovePropertyProps {
  accountId: string;
  accountName: string;
  property: Property;
}

/**
 * Moving the property to another organisation, of this account or another the user may edit
 * (docs/product/screens.md § Moving): choose where, read what moves, confirm.
 */
export function MoveProperty({ accountId, accountName, property }: MovePropertyProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  const [organisationId, setOrganisationId] = useState('');
  const [isTargetMissing, setIsTargetMissing] = useState(false);
  const targets = useOrganisationTargets(isOpen);
  const moveProperty = useMoveProperty(property.id);
  const choices = targets.targets.filter((target) => target.organisation.id !== property.organisationId);
  const chosen = choices.find((target) => target.organisation.id === organisationId);

  const close = () => {
    moveProperty.reset();
    setIsOpen(false);
    setOrganisationId('');
    setIsTargetMissing(false);
  };
  const confirm = () => {
    if (!chosen) {
      setIsTargetMissing(true);
      return;
    }
    moveProperty.mutate(
      { organisationId: chosen.organisation.id },
      {
        onSuccess: () => {
          const target = `${chosen.organisation.name} (${chosen.account.accountName})`;
          const url = `/accounts/${chosen.account.accountId}/properties/${property.id}`;
          void navigate(`/accounts/${accountId}`, { state: movedState(property.name, target, url) });
        },
      },
    );
  };

  return (
    <section className="section" aria-labelledby="move-property-title">
      <h2 id="move-property-title">{t('moves.property_title')}</h2>
      <p>{t('moves.property_intro')}</p>
      <Button onClick={() => setIsOpen(true)}>{t('moves.move_property')}</Button>
      <ConfirmDialog
        isOpen={isOpen}
        title={t('moves.property_dialog_title', { name: property.name })}
        confirmLabel={t('moves.move')}
        cancelLabel={t('action.cancel')}
        confirmVariant="primary"
        isPending={moveProperty.isPending}
        onConfirm={confirm}
        onCancel={close}
      >
        {targets.isPending && isOpen ? (
          <Spinner label={t('moves.loading_targets')} />
        ) : choices.length === 0 ? (
          <p>{t('moves.no_targets')}</p>
        ) : (
          <SelectField
            label={t('moves.target_organisation')}
            value={organisationId}
            error={isTargetMissing && !chosen ? t('moves.choose_target_first') : undefined}
            onChange={(event) => setOrganisationId(event.target.value)}
            options={[
              { value: '', label: t('moves.choose') },
              ...choices.map((target) => ({ value: target.organisation.id, label: `${target.organisation.name} (${target.account.accountName})` })),
            ]}
          />
        )}
        {chosen && (
          <>
            <p>{t('moves.property_where', { name: property.name, organisation: chosen.organisation.name, account: chosen.account.accountName })}</p>
            <p>{t('moves.property_what')}</p>
            {chosen.account.accountId !== accountId && <p>{t('moves.other_account_note', { from: accountName })}</p>}
          </>
        )}
        {moveProperty.isError && <Alert tone="error">{describeApiError(moveProperty.error, t)}</Alert>}
      </ConfirmDialog>
    </section>
  );
}

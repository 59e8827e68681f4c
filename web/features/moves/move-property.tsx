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
import { useMoveDialog } from './use-move-dialog.ts';

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
  const moveProperty = useMoveProperty(property.id);
  const dialog = useMoveDialog(moveProperty.reset);
  const targets = useOrganisationTargets(dialog.isOpen);
  const choices = targets.targets.filter((target) => target.organisation.id !== property.organisationId);
  const chosen = choices.find((target) => target.organisation.id === dialog.targetId);

  const confirm = () => {
    if (!dialog.confirmChoice(chosen !== undefined) || !chosen) return;
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
      <Button onClick={dialog.open}>{t('moves.move_property')}</Button>
      <ConfirmDialog
        isOpen={dialog.isOpen}
        title={t('moves.property_dialog_title', { name: property.name })}
        confirmLabel={t('moves.move')}
        cancelLabel={t('action.cancel')}
        confirmVariant="primary"
        isPending={moveProperty.isPending}
        onConfirm={confirm}
        onCancel={dialog.close}
      >
        {targets.isPending ? (
          <Spinner label={t('moves.loading_targets')} />
        ) : choices.length === 0 ? (
          <p>{t('moves.no_targets')}</p>
        ) : (
          <SelectField
            label={t('moves.target_organisation')}
            value={dialog.targetId}
            error={dialog.isTargetMissing && !chosen ? t('moves.choose_target_first') : undefined}
            onChange={(event) => dialog.setTargetId(event.target.value)}
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

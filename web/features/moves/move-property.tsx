import type { Property } from '../../../shared/schemas/property.ts';
import { Button } from '../../components/ui/button.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { MoveDialog } from './move-dialog.tsx';
import { movedState } from './move-notice.tsx';
import { useMoveProperty, useOrganisationTargets, type OrganisationTarget } from './moves-api.ts';
import { useMoveDialog } from './use-move-dialog.ts';

interface MovePropertyProps {
  accountId: string;
  accountName: string;
  property: Property;
}

/** The organisation with its account in brackets, but once where a cooperative's account bears its organisation's name. */
const targetName = ({ organisation, account }: OrganisationTarget) =>
  organisation.name === account.accountName ? organisation.name : `${organisation.name} (${account.accountName})`;

/**
 * Moving the property to another organisation, of this account or another the user may edit
 * (docs/product/screens.md § Moving).
 */
export function MoveProperty({ accountId, accountName, property }: MovePropertyProps) {
  const { t } = useTranslation();
  const moveProperty = useMoveProperty(property.id);
  const dialog = useMoveDialog(moveProperty.reset);
  const targets = useOrganisationTargets(dialog.isOpen);
  const choices = targets.targets.filter((target) => target.organisation.id !== property.organisationId);

  return (
    <section className="section" aria-labelledby="move-property-title">
      <h2 id="move-property-title">{t('moves.property_title')}</h2>
      <p>{t('moves.property_intro')}</p>
      <Button onClick={dialog.open}>{t('moves.move_property')}</Button>
      <MoveDialog
        accountId={accountId}
        dialog={dialog}
        mutation={moveProperty}
        title={t('moves.property_dialog_title', { name: property.name })}
        targetLabel={t('moves.target_organisation')}
        noTargetsText={t('moves.no_targets')}
        choices={targets.isPending ? null : choices}
        toOption={(target) => ({ value: target.organisation.id, label: targetName(target) })}
        describe={(target) => (
          <>
            <p>{t('moves.property_where', { name: property.name, organisation: target.organisation.name, account: target.account.accountName })}</p>
            <p>{t('moves.property_what')}</p>
            {target.account.accountId !== accountId && <p>{t('moves.other_account_note', { from: accountName })}</p>}
          </>
        )}
        move={(target) =>
          moveProperty
            .mutateAsync({ organisationId: target.organisation.id })
            .then(() => movedState(property.name, targetName(target), `/accounts/${target.account.accountId}/properties/${property.id}`))
        }
      />
    </section>
  );
}

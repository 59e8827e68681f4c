import type { Organisation } from '../../../shared/schemas/organisation.ts';
import { Button } from '../../components/ui/button.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { MoveDialog } from './move-dialog.tsx';
import { movedState } from './move-notice.tsx';
import { useMoveOrganisation, useWritableAccounts } from './moves-api.ts';
import { useMoveDialog } from './use-move-dialog.ts';

interface MoveOrganisationProps {
  accountId: string;
  accountName: string;
  organisation: Organisation;
}

/** Moving an organisation with all its properties to another account the user may edit (docs/product/screens.md § Moving). */
export function MoveOrganisation({ accountId, accountName, organisation }: MoveOrganisationProps) {
  const { t } = useTranslation();
  const moveOrganisation = useMoveOrganisation(organisation.id);
  const dialog = useMoveDialog(moveOrganisation.reset);
  const choices = useWritableAccounts().filter((account) => account.accountId !== accountId);

  return (
    <>
      <Button variant="quiet" aria-label={t('moves.move_organisation_named', { name: organisation.name })} onClick={dialog.open}>
        {t('moves.move')}
      </Button>
      <MoveDialog
        accountId={accountId}
        dialog={dialog}
        mutation={moveOrganisation}
        title={t('moves.organisation_dialog_title', { name: organisation.name })}
        targetLabel={t('moves.target_account')}
        noTargetsText={t('moves.no_account_targets')}
        choices={choices}
        toOption={(account) => ({ value: account.accountId, label: account.accountName })}
        describe={(account) => (
          <>
            <p>{t('moves.organisation_where', { name: organisation.name, account: account.accountName })}</p>
            <p>{t('moves.organisation_what')}</p>
            <p>{t('moves.other_account_note', { from: accountName })}</p>
          </>
        )}
        move={(account) =>
          moveOrganisation
            .mutateAsync({ accountId: account.accountId })
            .then(() => movedState(organisation.name, account.accountName, `/accounts/${account.accountId}`))
        }
      />
    </>
  );
}

import { useNavigate } from 'react-router';
import type { Organisation } from '../../../shared/schemas/organisation.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
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
  const navigate = useNavigate();
  const moveOrganisation = useMoveOrganisation(organisation.id);
  const dialog = useMoveDialog(moveOrganisation.reset);
  const choices = useWritableAccounts().filter((account) => account.accountId !== accountId);
  const chosen = choices.find((account) => account.accountId === dialog.targetId);

  const confirm = () => {
    if (!dialog.confirmChoice(chosen !== undefined) || !chosen) return;
    // The refreshed list drops this organisation's section, and with it any callback given to
    // mutate(); the promise still settles.
    void moveOrganisation.mutateAsync({ accountId: chosen.accountId }).then(
      () => void navigate(`/accounts/${accountId}`, { state: movedState(organisation.name, chosen.accountName, `/accounts/${chosen.accountId}`) }),
      () => undefined, // shown in the dialog through moveOrganisation.error
    );
  };

  return (
    <>
      <Button variant="quiet" aria-label={t('moves.move_organisation_named', { name: organisation.name })} onClick={dialog.open}>
        {t('moves.move')}
      </Button>
      <ConfirmDialog
        isOpen={dialog.isOpen}
        title={t('moves.organisation_dialog_title', { name: organisation.name })}
        confirmLabel={t('moves.move')}
        cancelLabel={t('action.cancel')}
        confirmVariant="primary"
        isPending={moveOrganisation.isPending}
        onConfirm={confirm}
        onCancel={dialog.close}
      >
        {choices.length === 0 ? (
          <p>{t('moves.no_account_targets')}</p>
        ) : (
          <SelectField
            label={t('moves.target_account')}
            value={dialog.targetId}
            error={dialog.isTargetMissing && !chosen ? t('moves.choose_target_first') : undefined}
            onChange={(event) => dialog.setTargetId(event.target.value)}
            options={[{ value: '', label: t('moves.choose') }, ...choices.map((account) => ({ value: account.accountId, label: account.accountName }))]}
          />
        )}
        {chosen && (
          <>
            <p>{t('moves.organisation_where', { name: organisation.name, account: chosen.accountName })}</p>
            <p>{t('moves.organisation_what')}</p>
            <p>{t('moves.other_account_note', { from: accountName })}</p>
          </>
        )}
        {moveOrganisation.isError && <Alert tone="error">{describeApiError(moveOrganisation.error, t)}</Alert>}
      </ConfirmDialog>
    </>
  );
}

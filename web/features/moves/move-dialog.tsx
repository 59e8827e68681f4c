import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/ui/alert.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { SelectField, type SelectOption } from '../../components/ui/select-field.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import type { MovedState } from './move-notice.tsx';
import type { MoveDialogState } from './use-move-dialog.ts';

interface MoveDialogProps<Choice> {
  /** The account the thing leaves: its start page shows where the thing went afterwards. */
  accountId: string;
  dialog: MoveDialogState;
  /** The move's mutation, for its progress and its refusal. */
  mutation: { isPending: boolean; isError: boolean; error: unknown };
  title: string;
  targetLabel: string;
  noTargetsText: string;
  /** Where it may move; `null` while they load. */
  choices: readonly Choice[] | null;
  toOption: (choice: Choice) => SelectOption;
  /** What moves and where, once a target is chosen. */
  describe: (chosen: Choice) => ReactNode;
  /** Moves it, resolving to what the notice on the account's start page says. */
  move: (chosen: Choice) => Promise<MovedState>;
}

/**
 * The dialog both moves share (docs/product/screens.md § Moving): choose where, read what moves,
 * confirm; Move without a choice says to choose, a refusal shows in the dialog.
 */
export function MoveDialog<Choice>({
  accountId,
  dialog,
  mutation,
  title,
  targetLabel,
  noTargetsText,
  choices,
  toOption,
  describe,
  move,
}: MoveDialogProps<Choice>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const chosen = choices?.find((choice) => toOption(choice).value === dialog.targetId);

  const confirm = () => {
    if (!dialog.confirmChoice(chosen !== undefined) || chosen === undefined) return;
    // The refreshed page may drop the button that opened the dialog, and with it any callback given
    // to mutate(); the promise still settles.
    void move(chosen).then(
      (state) => void navigate(`/accounts/${accountId}`, { state }),
      () => undefined, // shown in the dialog through the mutation's error
    );
  };

  return (
    <ConfirmDialog
      isOpen={dialog.isOpen}
      title={title}
      confirmLabel={t('moves.move')}
      cancelLabel={t('action.cancel')}
      confirmVariant="primary"
      isPending={mutation.isPending}
      onConfirm={confirm}
      onCancel={dialog.close}
    >
      {choices === null ? (
        <Spinner label={t('moves.loading_targets')} />
      ) : choices.length === 0 ? (
        <p>{noTargetsText}</p>
      ) : (
        <SelectField
          label={targetLabel}
          value={dialog.targetId}
          error={dialog.isTargetMissing && chosen === undefined ? t('moves.choose_target_first') : undefined}
          onChange={(event) => dialog.setTargetId(event.target.value)}
          options={[{ value: '', label: t('moves.choose') }, ...choices.map(toOption)]}
        />
      )}
      {chosen !== undefined && describe(chosen)}
      {mutation.isError && <Alert tone="error">{describeApiError(mutation.error, t)}</Alert>}
    </ConfirmDialog>
  );
}

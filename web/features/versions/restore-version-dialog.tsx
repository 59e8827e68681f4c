import type { Version } from '../../../shared/schemas/version.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useAmountFormat } from '../analysis/use-amount-format.ts';
import { useVersionDiff } from './versions-api.ts';

interface RestoreVersionDialogProps {
  planId: string;
  /** The version to restore; null: the dialog is closed. */
  version: Version | null;
  isPending: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Återställ": says what the restore will change (from the version's diff against today) before anything is written. */
export function RestoreVersionDialog({ planId, version, isPending, error, onConfirm, onCancel }: RestoreVersionDialogProps) {
  const { t } = useTranslation();
  const format = useAmountFormat();
  const diff = useVersionDiff(planId, version === null ? null : { versionId: version.id, against: 'current', vat: 'excl' });
  const actions = diff.data?.actions;
  return (
    <ConfirmDialog
      isOpen={version !== null}
      title={t('versions.restore_title', { name: version?.name ?? '' })}
      confirmLabel={t('versions.restore_confirm')}
      cancelLabel={t('versions.cancel')}
      confirmVariant="primary"
      isPending={isPending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t('versions.restore_intro')}</p>
      {diff.isPending && <Spinner label={t('loading')} />}
      {diff.isError && <Alert tone="error">{describeApiError(diff.error, t)}</Alert>}
      {actions && diff.data && (
        <ul>
          {/* The diff's "added" are in the plan today and not in the version: the restore removes them. */}
          {actions.added.length > 0 && <li>{t('versions.restore_added', { count: actions.added.length })}</li>}
          {actions.removed.length > 0 && <li>{t('versions.restore_removed', { count: actions.removed.length })}</li>}
          {actions.changed.length > 0 && <li>{t('versions.restore_changed', { count: actions.changed.length })}</li>}
          <li>{t('versions.restore_total', { to: format.amount(diff.data.analysis.total.to), from: format.amount(diff.data.analysis.total.from) })}</li>
        </ul>
      )}
      {error !== null && error !== undefined && <Alert tone="error">{describeApiError(error, t)}</Alert>}
    </ConfirmDialog>
  );
}

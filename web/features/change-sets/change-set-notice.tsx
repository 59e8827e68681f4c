import { useEffect, useRef } from 'react';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useUndoChangeSet } from './change-sets-api.ts';
import { describeUndoError } from './describe-undo-error.ts';

interface ChangeSetNoticeProps {
  planId: string;
  changeSetId: string;
  /** What the change did, in the reader's language: "12 åtgärder ändrades." */
  message: string;
  onDismiss: () => void;
}

/**
 * Reports a change made as one change set (a bulk change or delete, an import, a roll-forward, a
 * version restore) with an undo button. It takes focus when it appears, so a keyboard user who
 * just pressed "apply" is one Tab from "undo". Give it `key={changeSetId}`: a new change set is a
 * new notice, with the undo's state reset.
 */
export function ChangeSetNotice({ planId, changeSetId, message, onDismiss }: ChangeSetNoticeProps) {
  const { t, language } = useTranslation();
  const undo = useUndoChangeSet(planId);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => notice.current?.focus(), []);

  return (
    <div ref={notice} tabIndex={-1} className="change-set-notice" data-testid="change-set-notice">
      <Alert tone="success">
        <span className="change-set-notice__message">{undo.isSuccess ? t('change_sets.undone') : message}</span>
        <span className="change-set-notice__buttons">
          {!undo.isSuccess && (
            <Button onClick={() => undo.mutate(changeSetId)} isPending={undo.isPending}>
              {t('change_sets.undo')}
            </Button>
          )}
          <Button variant="quiet" onClick={onDismiss}>
            {t('change_sets.dismiss')}
          </Button>
        </span>
      </Alert>
      {undo.isError && <Alert tone="error">{describeUndoError(undo.error, t, language)}</Alert>}
    </div>
  );
}

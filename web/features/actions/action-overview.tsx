import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ActionWithCompletions, CompleteActionResponse } from '../../../shared/schemas/action.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import type { MessageKey, MessageParams } from '../../lib/i18n/translate.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ActionAttachments } from '../attachments/action-attachments.tsx';
import { ActionComments } from '../comments/action-comments.tsx';
import { ActionChangeHistory } from '../history/action-change-history.tsx';
import { DisplaySwitches } from '../plan-core/display-switches.tsx';
import { planPath } from '../plan-core/plan-route-params.ts';
import { useDeleteAction, useUpdateAction } from './actions-api.ts';
import { changedActionFields } from './action-changes.ts';
import { ActionDetails } from './action-details.tsx';
import { ActionForm } from './action-form.tsx';
import { actionFormDefaultsOf } from './action-form-schema.ts';
import { statusName } from './action-labels.ts';
import { ActionOccurrenceList } from './action-occurrence-list.tsx';
import { CompleteActionDialog } from './complete-action-dialog.tsx';
import { canBeCompleted } from './complete-action-form-schema.ts';
import { CompletionHistory } from './completion-history.tsx';
import type { ActionFeedbackState } from './plan-paths.ts';

interface ActionOverviewProps {
  accountId: string;
  plan: Plan;
  action: ActionWithCompletions;
  canEdit: boolean;
}

/** Kept untranslated so a language switch updates it. */
type Feedback = { tone: 'success' | 'info'; key: MessageKey; params?: MessageParams } | { tone: 'error'; error: unknown };

/** One action: its details, occurrences and history; editors also edit, complete and delete it. */
export function ActionOverview({ accountId, plan, action, canEdit }: ActionOverviewProps) {
  const { t, language } = useTranslation();
  const navigate = useNavigate();
  const updateAction = useUpdateAction(plan.id);
  const deleteAction = useDeleteAction(plan.id);
  const [isEditing, setIsEditing] = useState(false);
  const [isCompleting, setIsCompleting] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const feedbackElement = useRef<HTMLDivElement>(null);
  const editHeading = useRef<HTMLHeadingElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const completeButton = useRef<HTMLButtonElement>(null);

  function show(next: Feedback) {
    setFeedback(next);
    // The message says what just happened; reading on from there reaches the changed details.
    setTimeout(() => feedbackElement.current?.focus());
  }

  function startEditing() {
    setFeedback(null);
    updateAction.reset();
    setIsEditing(true);
    setTimeout(() => editHeading.current?.focus());
  }

  function stopEditing() {
    setIsEditing(false);
    setTimeout(() => editButton.current?.focus());
  }

  function handleCompleted({ action: moved, completion }: CompleteActionResponse) {
    setIsCompleting(false);
    show(
      moved.status === 'done'
        ? { tone: 'success', key: 'actions.complete.done_once', params: { year: completion.year } }
        : { tone: 'success', key: 'actions.complete.done_recurring', params: { year: completion.year, next: moved.year } },
    );
  }

  function handleDeleteConfirmed() {
    deleteAction.mutate(action.id, {
      onSuccess: () => {
        const state: ActionFeedbackState = { actionFeedback: { kind: 'deleted', name: action.name } };
        navigate(planPath(accountId, plan.id), { state });
      },
      onError: (error) => {
        setIsDeleting(false);
        show({ tone: 'error', error });
      },
    });
  }

  const isCompletable = canBeCompleted(action);

  return (
    <div className="action-screen">
      <div className="action-title">
        <h1 className="action-title__name">{action.name}</h1>
        <span className={`status-badge status-badge--${action.status}`}>{statusName(action.status, language)}</span>
      </div>
      <div className="action-toolbar">
        {canEdit && !isEditing && (
          <div className="action-toolbar__buttons">
            <button ref={editButton} type="button" className="button button--secondary" onClick={startEditing}>
              {t('actions.edit')}
            </button>
            {isCompletable && (
              <button
                ref={completeButton}
                type="button"
                className="button button--primary"
                onClick={() => {
                  setFeedback(null);
                  setIsCompleting(true);
                }}
              >
                {t('actions.complete.open')}
              </button>
            )}
            <Button variant="danger" onClick={() => setIsDeleting(true)}>
              {t('actions.delete')}
            </Button>
          </div>
        )}
        <DisplaySwitches />
      </div>
      {canEdit && !isCompletable && !isEditing && <p className="form__note">{t('actions.complete.not_again')}</p>}
      {!canEdit && <p className="form__note">{t('actions.read_only')}</p>}

      <div ref={feedbackElement} tabIndex={-1} className="focus-target">
        {feedback !== null &&
          (feedback.tone === 'error' ? (
            <Alert tone="error">{describeActionError(feedback.error, t, language)}</Alert>
          ) : (
            <Alert tone={feedback.tone}>{t(feedback.key, feedback.params)}</Alert>
          ))}
      </div>

      {isEditing ? (
        <section className="section" aria-labelledby="action-edit-title">
          <h2 id="action-edit-title" ref={editHeading} tabIndex={-1} className="focus-target">
            {t('actions.edit_title')}
          </h2>
          <ActionForm
            plan={plan}
            defaults={actionFormDefaultsOf(action, language === 'sv' ? ',' : '.')}
            submitLabel={t('actions.form.save_changes')}
            isPending={updateAction.isPending}
            saveError={updateAction.error}
            onCancel={stopEditing}
            onSave={(values, _intent, showApiError) => {
              const changes = changedActionFields(action, values);
              if (Object.keys(changes).length === 0) {
                stopEditing();
                show({ tone: 'info', key: 'actions.no_changes' });
                return;
              }
              updateAction.mutate(
                { actionId: action.id, changes },
                {
                  onError: showApiError,
                  onSuccess: () => {
                    setIsEditing(false);
                    show({ tone: 'success', key: 'actions.saved' });
                  },
                },
              );
            }}
          />
        </section>
      ) : (
        <>
          <section className="section" aria-labelledby="action-details-title">
            <h2 id="action-details-title">{t('actions.details.title')}</h2>
            <ActionDetails action={action} plan={plan} />
          </section>
          <section className="section" aria-labelledby="action-occurrences-title">
            <h2 id="action-occurrences-title">{t('actions.occurrences.title')}</h2>
            <ActionOccurrenceList action={action} plan={plan} />
          </section>
          <section className="section" aria-labelledby="action-history-title">
            <h2 id="action-history-title">{t('actions.history.title')}</h2>
            <CompletionHistory completions={action.completions} />
          </section>
          <ActionChangeHistory planId={plan.id} propertyId={action.propertyId} actionId={action.id} />
        </>
      )}

      <div className="action-discussion">
        <ActionComments planId={plan.id} actionId={action.id} />
        <ActionAttachments planId={plan.id} actionId={action.id} />
      </div>

      {isCompleting && (
        <CompleteActionDialog
          action={action}
          isOpen
          onClose={() => {
            setIsCompleting(false);
            setTimeout(() => completeButton.current?.focus());
          }}
          onCompleted={handleCompleted}
        />
      )}
      <ConfirmDialog
        isOpen={isDeleting}
        title={t('actions.delete_title', { name: action.name })}
        confirmLabel={t('actions.delete')}
        cancelLabel={t('action.cancel')}
        isPending={deleteAction.isPending}
        onConfirm={handleDeleteConfirmed}
        onCancel={() => setIsDeleting(false)}
      >
        <p>{t('actions.delete_text')}</p>
      </ConfirmDialog>
    </div>
  );
}

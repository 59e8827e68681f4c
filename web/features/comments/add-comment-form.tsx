import { useState } from 'react';
import { createCommentRequestSchema } from '../../../shared/schemas/comment.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextAreaField } from '../../components/ui/text-area-field.tsx';
import { ApiError } from '../../lib/api/api-error.ts';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useAddComment } from './comments-api.ts';

/** The form under the thread; after a comment is saved it is emptied and keeps the focus, ready for the next. */
export function AddCommentForm({ actionId, onAdded }: { actionId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const addComment = useAddComment(actionId);
  const { handleSubmit, showApiError, errorFor } = useValidatedForm(createCommentRequestSchema);
  const [failure, setFailure] = useState<unknown>(null);
  const hasFieldErrors = failure instanceof ApiError && Object.keys(failure.fieldCodes).length > 0;

  return (
    <form
      className="comment-form"
      noValidate
      onSubmit={handleSubmit((data, form) => {
        setFailure(null);
        addComment.mutate(data, {
          onSuccess: () => {
            form.reset();
            onAdded();
          },
          onError: (mutationError) => {
            showApiError(mutationError);
            setFailure(mutationError);
          },
        });
      })}
    >
      <TextAreaField label={t('comments.field.body')} hint={t('comments.field.body_hint')} name="body" rows={3} error={errorFor('body')} />
      {failure !== null && !hasFieldErrors && <Alert tone="error">{describeApiError(failure, t)}</Alert>}
      <div>
        <Button type="submit" variant="primary" isPending={addComment.isPending}>
          {t('comments.submit')}
        </Button>
      </div>
    </form>
  );
}

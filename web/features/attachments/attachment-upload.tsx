import { useId, useRef, useState, type DragEvent } from 'react';
import { attachmentAcceptAttribute } from '../../../shared/schemas/attachment.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { classNames } from '../../components/ui/class-names.ts';
import { ApiError } from '../../lib/api/api-error.ts';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import { formatBytes } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useAttachmentLimits, useUploadAttachment } from './attachments-api.ts';
import { checkAttachmentFile } from './check-attachment-file.ts';

interface Progress {
  name: string;
  index: number;
  count: number;
  percent: number;
}

/**
 * Choose files or drop them on the zone; they go up one at a time (the API takes one file per
 * request) with a progress bar, after a check of size and type. Results are announced in one list.
 */
export function AttachmentUpload({ actionId }: { actionId: string }) {
  const { t, language } = useTranslation();
  const limits = useAttachmentLimits();
  const upload = useUploadAttachment(actionId);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [results, setResults] = useState<{ tone: 'success' | 'error'; text: string }[]>([]);
  const [isDragging, setIsDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const rulesId = useId();

  const maxSize = limits.data && formatBytes(limits.data.maxBytes, language);

  async function uploadAll(files: File[]) {
    if (files.length === 0 || progress) return;
    const outcome: typeof results = [];
    const controller = new AbortController();
    abort.current = controller;
    for (const [index, file] of files.entries()) {
      const problem = checkAttachmentFile(file, limits.data);
      if (problem) {
        const reason = problem === 'too_large' ? t('attachments.client.too_large', { size: maxSize ?? '' }) : t(`attachments.client.${problem}`);
        outcome.push({ tone: 'error', text: t('attachments.failed_named', { name: file.name, reason }) });
        continue;
      }
      if (controller.signal.aborted) break;
      setProgress({ name: file.name, index: index + 1, count: files.length, percent: 0 });
      try {
        await upload.mutateAsync({
          file,
          signal: controller.signal,
          onProgress: ({ loadedBytes, totalBytes }) =>
            setProgress({
              name: file.name,
              index: index + 1,
              count: files.length,
              percent: totalBytes > 0 ? Math.min(100, Math.round((loadedBytes / totalBytes) * 100)) : 0,
            }),
        });
        outcome.push({ tone: 'success', text: t('attachments.uploaded', { name: file.name }) });
      } catch (error) {
        if (controller.signal.aborted) {
          outcome.push({ tone: 'error', text: t('attachments.upload_cancelled') });
          break;
        }
        const reason = error instanceof ApiError ? describeActionError(error, t, language) : t('error.internal');
        outcome.push({ tone: 'error', text: t('attachments.failed_named', { name: file.name, reason }) });
      }
    }
    abort.current = null;
    setProgress(null);
    setResults(outcome);
    if (input.current) input.current.value = '';
    // The cancel button has gone; back to where the user started.
    input.current?.focus();
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsDragging(false);
    void uploadAll([...event.dataTransfer.files]);
  }

  return (
    <div
      className={classNames('upload-zone', isDragging && 'upload-zone--active')}
      onDragEnter={(event) => {
        event.preventDefault();
        setIsDragging(true);
      }}
      onDragOver={(event) => event.preventDefault()}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setIsDragging(false);
      }}
      onDrop={handleDrop}
    >
      <p className="upload-zone__title">{t('attachments.upload_label')}</p>
      <div className="upload-zone__choose">
        <input
          ref={input}
          id={inputId}
          className="upload-zone__input"
          type="file"
          multiple
          accept={attachmentAcceptAttribute}
          aria-describedby={rulesId}
          disabled={progress !== null}
          onChange={(event) => void uploadAll([...(event.currentTarget.files ?? [])])}
        />
        <label htmlFor={inputId} className={classNames('button', 'button--secondary', 'upload-zone__button')}>
          {t('attachments.choose_files')}
        </label>
        <span className="upload-zone__hint">{t('attachments.drop_hint')}</span>
      </div>
      <p className="upload-zone__rules" id={rulesId}>
        {maxSize ? t('attachments.rules', { size: maxSize }) : t('attachments.rules_loading')}
      </p>
      {progress && (
        <div className="upload-progress" role="status">
          <label className="upload-progress__label">
            {progress.count > 1
              ? t('attachments.uploading_queue', { name: progress.name, index: progress.index, count: progress.count, percent: progress.percent })
              : t('attachments.uploading', { name: progress.name, percent: progress.percent })}
            <progress className="upload-progress__bar" max={100} value={progress.percent} />
          </label>
          <Button variant="quiet" onClick={() => abort.current?.abort()}>
            {t('attachments.cancel_upload')}
          </Button>
        </div>
      )}
      {results.length > 0 && (
        <Alert tone={results.some((result) => result.tone === 'error') ? 'error' : 'success'}>
          <ul className="upload-results">
            {results.map((result, index) => (
              <li key={index}>{result.text}</li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}

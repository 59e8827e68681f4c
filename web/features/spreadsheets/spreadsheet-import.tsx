import { useEffect, useId, useRef, useState, type DragEvent, type ReactNode, type RefObject } from 'react';
import type { ImportMappingOf, ImportReadingOf } from '../../../shared/schemas/spreadsheet.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { classNames } from '../../components/ui/class-names.ts';
import { SelectField } from '../../components/ui/select-field.tsx';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import type { UploadProgress } from '../../lib/api/upload-file.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ImportReview } from './import-review.tsx';

/** What an import sends: the file, the manual mapping (undefined: the server's own by header) and a progress callback. */
export interface ImportUpload<F extends string> {
  file: File;
  mapping: ImportMappingOf<F> | undefined;
  onProgress: (progress: UploadProgress) => void;
}

type Phase<R, O> =
  | { kind: 'choose' }
  | { kind: 'checking'; percent: number }
  | { kind: 'review'; result: R }
  | { kind: 'importing'; result: R; percent: number }
  | { kind: 'done'; outcome: O };

interface SpreadsheetImportProps<F extends string, R extends ImportReadingOf<F>, O> {
  /** The fields a column can be read as, in the mapping select's order. */
  fields: readonly F[];
  fieldLabel: (field: F) => string;
  /** The dry run: reads and checks the file, writes nothing. */
  checkFile: (upload: ImportUpload<F>) => Promise<R>;
  /** The confirm: every row in one transaction, or nothing. */
  importFile: (upload: ImportUpload<F>) => Promise<O>;
  /** What the review shows between the counts and the mapping: what a confirm would change. */
  changes: (result: R) => ReactNode;
  confirmLabel: (rowCount: number) => string;
  importingText: (rowCount: number) => string;
  /** The result; `heading` must go on its heading (it takes focus), `restart` offers another file. */
  done: (outcome: O, heading: RefObject<HTMLHeadingElement | null>, restart: () => void) => ReactNode;
}

/** `.xlsx`, `.csv` and the types browsers give them, for the file picker. */
const accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

const percentOf = ({ loadedBytes, totalBytes }: UploadProgress) => (totalBytes > 0 ? Math.min(100, Math.round((loadedBytes / totalBytes) * 100)) : 0);

/**
 * Every spreadsheet import's steps (the plan's actions, the account's library): choose or drop a
 * file → a dry run (mapping, errors, preview) → correct the mapping (each change runs the dry run
 * again) → confirm, which is possible only without errors → progress → result.
 */
export function SpreadsheetImport<F extends string, R extends ImportReadingOf<F>, O>({
  fields,
  fieldLabel,
  checkFile,
  importFile,
  changes,
  confirmLabel,
  importingText,
  done,
}: SpreadsheetImportProps<F, R, O>) {
  const { t, language } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ImportMappingOf<F> | undefined>(undefined);
  const [phase, setPhase] = useState<Phase<R, O>>({ kind: 'choose' });
  const [failure, setFailure] = useState<{ title: string; text: string } | null>(null);
  const [isDragging, setIsDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const inputId = useId();
  const rulesId = useId();
  // Where focus goes once the next screen state is rendered (the element does not exist before).
  const focusNext = useRef<RefObject<HTMLElement | null> | null>(null);
  useEffect(() => {
    focusNext.current?.current?.focus();
    focusNext.current = null;
  });

  async function check(chosen: File, chosenMapping: ImportMappingOf<F> | undefined) {
    setFile(chosen);
    setMapping(chosenMapping);
    setFailure(null);
    setPhase({ kind: 'checking', percent: 0 });
    try {
      const result = await checkFile({
        file: chosen,
        mapping: chosenMapping,
        onProgress: (progress) => setPhase({ kind: 'checking', percent: percentOf(progress) }),
      });
      // The review replaces the picker: its heading is where reading goes on.
      focusNext.current = reviewHeading;
      setPhase({ kind: 'review', result });
    } catch (error) {
      setFailure({ title: t('spreadsheets.import.failed'), text: describeActionError(error, t, language) });
      if (input.current) input.current.value = '';
      focusNext.current = input;
      setPhase({ kind: 'choose' });
    }
  }

  async function runImport(result: R) {
    if (!file) return;
    setFailure(null);
    setPhase({ kind: 'importing', result, percent: 0 });
    try {
      const outcome = await importFile({
        file,
        mapping,
        onProgress: (progress) => setPhase({ kind: 'importing', result, percent: percentOf(progress) }),
      });
      focusNext.current = doneHeading;
      setPhase({ kind: 'done', outcome });
    } catch (error) {
      setFailure({ title: t('spreadsheets.import.import_failed'), text: describeActionError(error, t, language) });
      setPhase({ kind: 'review', result });
    }
  }

  function changeMapping(result: R, columnIndex: number, field: F | null) {
    if (!file) return;
    const next = result.columns.map((column) => (column.index === columnIndex ? field : column.field));
    void check(file, next);
  }

  function restart() {
    setFile(null);
    setMapping(undefined);
    setFailure(null);
    focusNext.current = input;
    setPhase({ kind: 'choose' });
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsDragging(false);
    const [dropped] = event.dataTransfer.files;
    if (dropped && phase.kind === 'choose') void check(dropped, undefined);
  }

  if (phase.kind === 'done') return done(phase.outcome, doneHeading, restart);

  const isBusy = phase.kind === 'checking' || phase.kind === 'importing';
  return (
    <div className="plan-import">
      {failure && (
        <Alert tone="error" title={failure.title}>
          <p>{failure.text}</p>
        </Alert>
      )}
      {phase.kind === 'choose' || phase.kind === 'checking' ? (
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
          <p className="upload-zone__title">{t('spreadsheets.import.file_label')}</p>
          <div className="upload-zone__choose">
            <input
              ref={input}
              id={inputId}
              className="upload-zone__input"
              type="file"
              accept={accept}
              aria-describedby={rulesId}
              disabled={isBusy}
              onChange={(event) => {
                const [chosen] = event.currentTarget.files ?? [];
                if (chosen) void check(chosen, undefined);
              }}
            />
            <label htmlFor={inputId} className="button button--secondary upload-zone__button">
              {t('spreadsheets.import.choose_file')}
            </label>
            <span className="upload-zone__hint">{t('spreadsheets.import.drop_hint')}</span>
          </div>
          <p className="upload-zone__rules" id={rulesId}>
            {t('spreadsheets.import.rules')}
          </p>
        </div>
      ) : null}
      {phase.kind === 'checking' && file && (
        <ProgressLine name={file.name} percent={phase.percent} busyText={t('spreadsheets.import.checking', { name: file.name })} />
      )}
      {(phase.kind === 'review' || phase.kind === 'importing') && file && (
        <>
          <ImportReview
            headingRef={reviewHeading}
            fileName={file.name}
            result={phase.result}
            isBusy={isBusy}
            fieldLabel={fieldLabel}
            mappingControl={(column) => (
              <SelectField
                label={t('spreadsheets.import.mapping_select', { column: column.header || t('spreadsheets.import.no_header') })}
                isLabelHidden
                value={column.field ?? ''}
                disabled={isBusy}
                options={[
                  { value: '', label: t('spreadsheets.import.mapping_ignore') },
                  ...fields.map((field) => ({ value: field, label: fieldLabel(field) })),
                ]}
                onChange={(event) => changeMapping(phase.result, column.index, (event.currentTarget.value || null) as F | null)}
              />
            )}
          >
            {changes(phase.result)}
          </ImportReview>
          {phase.kind === 'importing' ? (
            <ProgressLine name={file.name} percent={phase.percent} busyText={importingText(phase.result.rowCount)} />
          ) : (
            <ConfirmBar result={phase.result} label={confirmLabel(phase.result.rowCount)} onConfirm={() => void runImport(phase.result)} onRestart={restart} />
          )}
        </>
      )}
    </div>
  );
}

/** Upload progress in percent, then — once the file is sent — what the server is doing. */
function ProgressLine({ name, percent, busyText }: { name: string; percent: number; busyText: string }) {
  const { t } = useTranslation();
  const isUploaded = percent >= 100;
  return (
    <div className="upload-progress import-progress" role="status">
      <label className="upload-progress__label">
        <span>{isUploaded ? busyText : t('spreadsheets.import.uploading', { name, percent })}</span>
        {isUploaded ? <progress className="upload-progress__bar" /> : <progress className="upload-progress__bar" max={100} value={percent} />}
      </label>
    </div>
  );
}

interface ConfirmBarProps {
  result: { errorCount: number; rowCount: number };
  label: string;
  onConfirm: () => void;
  onRestart: () => void;
}

function ConfirmBar({ result, label, onConfirm, onRestart }: ConfirmBarProps) {
  const { t } = useTranslation();
  const blockedBy = result.errorCount > 0 ? t('spreadsheets.import.confirm_blocked') : result.rowCount === 0 ? t('spreadsheets.import.confirm_no_rows') : null;
  const blockedId = useId();
  return (
    <div className="import-actions">
      <Button variant="primary" disabled={blockedBy !== null} aria-describedby={blockedBy ? blockedId : undefined} onClick={onConfirm}>
        {label}
      </Button>
      <Button onClick={onRestart}>{t('spreadsheets.import.choose_another')}</Button>
      {blockedBy && (
        <p className="import-actions__hint" id={blockedId}>
          {blockedBy}
        </p>
      )}
    </div>
  );
}

import { useId, useState, type RefObject } from 'react';
import { Link } from 'react-router';
import { importFields, type ImportResponse } from '../../../shared/schemas/spreadsheet.ts';
import { Button } from '../../components/ui/button.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ChangeSetNotice } from '../change-sets/change-set-notice.tsx';
import { planPath } from '../plan-core/plan-route-params.ts';
import { formatImportValue, ImportChanges } from './import-changes.tsx';
import { SpreadsheetImport } from './spreadsheet-import.tsx';
import { useImportActions, useImportDryRun } from './spreadsheets-api.ts';

/** The plan's import: actions from a file, with new buildings and locations, possible duplicates and an undoable change set. */
export function PlanImport({ accountId, planId }: { accountId: string; planId: string }) {
  const { t, language } = useTranslation();
  const words = { yes: t('spreadsheets.import.value_yes'), no: t('spreadsheets.import.value_no') };
  const dryRun = useImportDryRun(planId);
  const confirm = useImportActions(planId);
  return (
    <SpreadsheetImport
      fields={importFields}
      fieldLabel={(field) => t(`spreadsheets.field.${field}`)}
      checkFile={(upload) => dryRun.mutateAsync(upload)}
      importFile={(upload) => confirm.mutateAsync(upload)}
      changes={(result) => (
        <>
          {result.newBuildings.length > 0 && <p>{t('spreadsheets.import.new_buildings', { names: result.newBuildings.join(', ') })}</p>}
          {result.newLocations.length > 0 && <p>{t('spreadsheets.import.new_locations', { names: result.newLocations.join(', ') })}</p>}
          <ImportChanges
            result={result}
            fieldLabel={(field) => t(`spreadsheets.field.${field}`)}
            formatValue={(field, value) => formatImportValue(field, value, language, words)}
          />
        </>
      )}
      confirmLabel={(count) => t('spreadsheets.import.confirm', { count })}
      importingText={(count) => t('spreadsheets.import.importing', { count })}
      done={(outcome, heading, restart) => (
        <PlanImportDone key={outcome.changeSetId} accountId={accountId} planId={planId} outcome={outcome} heading={heading} onRestart={restart} />
      )}
    />
  );
}

interface PlanImportDoneProps {
  accountId: string;
  planId: string;
  outcome: ImportResponse;
  heading: RefObject<HTMLHeadingElement | null>;
  onRestart: () => void;
}

/** The outcome's counts come with an undo button until the person dismisses them. */
function PlanImportDone({ accountId, planId, outcome, heading, onRestart }: PlanImportDoneProps) {
  const { t } = useTranslation();
  const [isNoticeShown, setIsNoticeShown] = useState(true);
  const headingId = useId();
  const counts = t('spreadsheets.import.done_counts', { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged });
  return (
    <section className="import-result" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('spreadsheets.import.done_title', { count: outcome.created + outcome.updated + outcome.unchanged })}
      </h2>
      {isNoticeShown ? (
        <ChangeSetNotice planId={planId} changeSetId={outcome.changeSetId} message={counts} onDismiss={() => setIsNoticeShown(false)} />
      ) : (
        <p className="import-result__counts">{counts}</p>
      )}
      <p>{t('spreadsheets.import.done_text')}</p>
      <div className="import-actions">
        <Link className="button button--primary" to={planPath(accountId, planId)}>
          {t('spreadsheets.import.back_to_plan')}
        </Link>
        <Button onClick={onRestart}>{t('spreadsheets.import.import_more')}</Button>
      </div>
    </section>
  );
}

import { Link } from 'react-router';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { planPath, usePlanRouteParams } from '../features/plan-core/plan-route-params.ts';
import { PlanImport } from '../features/spreadsheets/plan-import.tsx';
import { SpreadsheetActions } from '../features/spreadsheets/spreadsheet-actions.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** Import actions from an .xlsx or .csv file into the plan (editors and admins). */
export function PlanImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('spreadsheets.import.title'));
  const { accountId, planId } = usePlanRouteParams();
  const { role } = useCurrentMembership();
  if (role === 'viewer') {
    return (
      <EmptyState title={t('spreadsheets.import.viewer_title')} action={<Link to={planPath(accountId, planId)}>{t('spreadsheets.import.back_to_plan')}</Link>}>
        <p>{t('spreadsheets.import.viewer_text')}</p>
        <SpreadsheetActions planId={planId} />
      </EmptyState>
    );
  }
  return (
    <section className="plan-import-page">
      <h2>{t('spreadsheets.import.title')}</h2>
      <p className="page__lead">{t('spreadsheets.import.lead')}</p>
      <SpreadsheetActions planId={planId} hasImportLink={false} />
      <PlanImport accountId={accountId} planId={planId} />
    </section>
  );
}

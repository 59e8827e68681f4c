import { Link } from 'react-router';
import { useCurrentMembership } from '../accounts/use-selected-membership.ts';
import { planPath, usePlanRouteParams } from '../plan-core/plan-route-params.ts';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { exportPath, templatePath } from './spreadsheets-api.ts';

/**
 * The plan's spreadsheet links: the template and the export (every member; the export's amounts
 * follow the chosen VAT), and the import screen for editors and admins. Plain links: the server
 * answers with an attachment, so the browser downloads and the page stays.
 */
export function SpreadsheetActions({ planId, hasImportLink = true }: { planId: string; hasImportLink?: boolean }) {
  const { t } = useTranslation();
  const { vat } = useDisplayPreferences();
  const { role } = useCurrentMembership();
  const { accountId } = usePlanRouteParams();
  return (
    <nav className="spreadsheet-actions" aria-label={t('spreadsheets.toolbar_label')}>
      <a className="button button--secondary" href={templatePath(planId)} download>
        {t('spreadsheets.download_template')}
      </a>
      <a className="button button--secondary" href={exportPath(planId, vat)} download aria-describedby={`spreadsheet-export-vat-${planId}`}>
        {t('spreadsheets.export')}
      </a>
      <span className="spreadsheet-actions__hint" id={`spreadsheet-export-vat-${planId}`}>
        {t(vat === 'incl' ? 'spreadsheets.export_vat_incl' : 'spreadsheets.export_vat_excl')}
      </span>
      {hasImportLink && role !== 'viewer' && (
        <Link className="button button--secondary" to={`${planPath(accountId, planId)}/import`}>
          {t('spreadsheets.import_link')}
        </Link>
      )}
    </nav>
  );
}

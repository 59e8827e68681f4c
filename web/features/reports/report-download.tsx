import { useEffect, useId, useRef, useState } from 'react';
import { languages, type Language } from '../../../shared/i18n/language.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { fetchReport } from './reports-api.ts';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; message: string };

/**
 * The board report download for every member (viewers too): the report's language (the page's by
 * default; a board may want English while the manager works in Swedish), and the VAT and rounding
 * the reader has chosen for the screens, stated beside the button so the file holds no surprise.
 */
export function ReportDownload({ planId }: { planId: string }) {
  const { t, language } = useTranslation();
  const { vat, isRounded } = useDisplayPreferences();
  // The page's language until the reader picks one for the report.
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(null);
  const reportLanguage = chosenLanguage ?? language;
  const [state, setState] = useState<State>({ kind: 'idle' });
  const settingsId = useId();
  const isMounted = useRef(true);
  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);

  async function download() {
    setState({ kind: 'busy' });
    try {
      const { blob, fileName } = await fetchReport(planId, { vat, language: reportLanguage, isRounded }, language);
      saveBlob(blob, fileName ?? t('reports.file_name'));
      if (isMounted.current) setState({ kind: 'done' });
    } catch (error) {
      if (isMounted.current) setState({ kind: 'failed', message: describeApiError(error, t) });
    }
  }

  return (
    <section className="report-download" aria-label={t('reports.group_label')}>
      <SelectField
        className="report-download__language"
        label={t('reports.language_label')}
        value={reportLanguage}
        onChange={(event) => setChosenLanguage(event.target.value === 'en' ? 'en' : 'sv')}
        options={languages.map((code) => ({ value: code, label: t(`reports.language.${code}`) }))}
      />
      <Button variant="secondary" isPending={state.kind === 'busy'} onClick={() => void download()} aria-describedby={settingsId}>
        {state.kind === 'busy' ? t('reports.downloading') : t('reports.download')}
      </Button>
      <span className="report-download__hint" id={settingsId}>
        {t('reports.settings', {
          vat: t(vat === 'incl' ? 'reports.settings_vat_incl' : 'reports.settings_vat_excl'),
          rounding: t(isRounded ? 'reports.settings_rounded' : 'reports.settings_exact'),
        })}
      </span>
      <p className="visually-hidden" role="status">
        {state.kind === 'busy' ? t('reports.downloading') : state.kind === 'done' ? t('reports.downloaded') : ''}
      </p>
      {state.kind === 'failed' && <Alert tone="error">{state.message}</Alert>}
    </section>
  );
}

/** Hands the file to the browser's downloads without leaving the page. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

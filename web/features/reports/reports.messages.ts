import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the board report download (keys start with `reports.`). */
export const reportsMessages = defineMessages(
  {
    'reports.group_label': 'Rapport till styrelsen (PDF)',
    'reports.language_label': 'Rapportens språk',
    'reports.language.sv': 'Svenska',
    'reports.language.en': 'Engelska',
    'reports.download': 'Ladda ner rapport (PDF)',
    'reports.downloading': 'Skapar rapporten…',
    'reports.downloaded': 'Rapporten är nedladdad.',
    'reports.settings_vat_excl': 'Belopp exklusive moms',
    'reports.settings_vat_incl': 'Belopp inklusive moms',
    'reports.settings_rounded': 'avrundade',
    'reports.settings_exact': 'exakta',
    'reports.settings': '{vat}, {rounding}.',
    'reports.file_name': 'Underhållsplan.pdf',
  },
  {
    'reports.group_label': 'Report to the board (PDF)',
    'reports.language_label': 'Language of the report',
    'reports.language.sv': 'Swedish',
    'reports.language.en': 'English',
    'reports.download': 'Download report (PDF)',
    'reports.downloading': 'Creating the report…',
    'reports.downloaded': 'The report has been downloaded.',
    'reports.settings_vat_excl': 'Amounts excluding VAT',
    'reports.settings_vat_incl': 'Amounts including VAT',
    'reports.settings_rounded': 'rounded',
    'reports.settings_exact': 'exact',
    'reports.settings': '{vat}, {rounding}.',
    'reports.file_name': 'Maintenance plan.pdf',
  },
);

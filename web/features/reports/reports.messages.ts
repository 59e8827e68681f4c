import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the PDF board report (keys start with `reports.`). */
export const reportsMessages = defineMessages({}, {});

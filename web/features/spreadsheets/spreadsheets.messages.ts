import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the spreadsheet template, export and import (keys start with `spreadsheets.`). */
export const spreadsheetsMessages = defineMessages({}, {});

import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the attachments screens (keys start with `attachments.`). */
export const attachmentsMessages = defineMessages({}, {});

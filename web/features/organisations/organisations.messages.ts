import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the organisations screens (keys start with `organisations.`). */
export const organisationsMessages = defineMessages({}, {});

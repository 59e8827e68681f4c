import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the actions screens (keys start with `actions.`). */
export const actionsMessages = defineMessages({}, {});

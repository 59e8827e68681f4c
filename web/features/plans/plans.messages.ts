import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the plans screens (keys start with `plans.`). */
export const plansMessages = defineMessages({}, {});

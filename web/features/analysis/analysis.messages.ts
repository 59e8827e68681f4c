import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the analysis screens (keys start with `analysis.`). */
export const analysisMessages = defineMessages({}, {});

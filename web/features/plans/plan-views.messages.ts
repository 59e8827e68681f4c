import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the plan page's action views, filters and bulk edit (keys start with `plan_views.`). */
export const planViewsMessages = defineMessages({}, {});

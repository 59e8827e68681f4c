import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the comments screens (keys start with `comments.`). */
export const commentsMessages = defineMessages({}, {});

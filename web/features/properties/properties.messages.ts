import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the properties screens (keys start with `properties.`). */
export const propertiesMessages = defineMessages({}, {});

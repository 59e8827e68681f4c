import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the properties a member reaches (keys start with `members.access.`). */
export const memberAccessMessages = defineMessages(
  {
    'members.access.label': 'Åtkomst',
    'members.access.all': 'Alla fastigheter',
    'members.access.some': 'Valda fastigheter',
    'members.access.admin_all': 'En administratör når alltid alla fastigheter.',
    'members.access.no_properties': 'Kontot har inga fastigheter ännu.',
    'members.access.column': 'Åtkomst',
    'members.access.change': 'Ändra åtkomst',
    'members.access.change_named': 'Ändra åtkomst för {name}',
    'members.access.change_title': 'Åtkomst för {name}',
    'members.access.save': 'Spara åtkomst',
    'members.access.changed': '{name} når nu: {access}.',
    'members.access.removed_property': 'en borttagen fastighet',
    'members.access.invited_to': 'Du når bara: {names}.',
  },
  {
    'members.access.label': 'Access',
    'members.access.all': 'All properties',
    'members.access.some': 'Chosen properties',
    'members.access.admin_all': 'An admin always reaches every property.',
    'members.access.no_properties': 'The account has no properties yet.',
    'members.access.column': 'Access',
    'members.access.change': 'Change access',
    'members.access.change_named': 'Change access for {name}',
    'members.access.change_title': 'Access for {name}',
    'members.access.save': 'Save access',
    'members.access.changed': '{name} now reaches: {access}.',
    'members.access.removed_property': 'a deleted property',
    'members.access.invited_to': 'You reach only: {names}.',
  },
);

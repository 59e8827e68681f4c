import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of creating another account (keys start with `accounts.`). */
export const accountsMessages = defineMessages(
  {
    'accounts.new_title': 'Nytt konto',
    'accounts.new_lead':
      'Ett konto är en egen arbetsyta med egna medlemmar, organisationer och planer, till exempel för en förening du sitter i styrelsen för eller en egen firma. Du blir dess administratör och kan byta mellan dina konton uppe till vänster.',
    'accounts.field.name': 'Kontots namn',
    'accounts.field.name_hint': 'Till exempel Brf Eken eller Fastighetskonsult AB.',
    'accounts.create_submit': 'Skapa kontot',
    'accounts.menu_new': 'Nytt konto',
  },
  {
    'accounts.new_title': 'New account',
    'accounts.new_lead':
      'An account is a workspace of its own with its own members, organisations and plans, for example for a cooperative whose board you sit on or a firm of your own. You become its admin and can switch between your accounts at the top left.',
    'accounts.field.name': 'Account name',
    'accounts.field.name_hint': 'For example Brf Eken or Property Consulting Ltd.',
    'accounts.create_submit': 'Create the account',
    'accounts.menu_new': 'New account',
  },
);

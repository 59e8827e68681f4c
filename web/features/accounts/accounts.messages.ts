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
    'accounts.inactive_title': 'Kontot är inaktivt',
    'accounts.inactive_why': '”{account}” är inte aktivt just nu: provperioden har gått ut, eller {manager} har pausat kontot.',
    'accounts.inactive_kept':
      'Fastigheterna, planerna och allt annat i kontot finns kvar tills vidare, men ingen av kontots egna medlemmar kommer åt dem förrän kontot är aktivt igen.',
    'accounts.inactive_contact': 'Kontakta {manager} om ni vill fortsätta använda kontot.',
    'accounts.inactive_your_manager': 'er förvaltare',
    'accounts.inactive_ways_on': 'Vill du göra något annat?',
    'accounts.inactive_open_other': 'Öppna {account}',
    'accounts.inactive_new_account': 'Skapa ett nytt konto',
  },
  {
    'accounts.new_title': 'New account',
    'accounts.new_lead':
      'An account is a workspace of its own with its own members, organisations and plans, for example for a cooperative whose board you sit on or a firm of your own. You become its admin and can switch between your accounts at the top left.',
    'accounts.field.name': 'Account name',
    'accounts.field.name_hint': 'For example Brf Eken or Property Consulting Ltd.',
    'accounts.create_submit': 'Create the account',
    'accounts.menu_new': 'New account',
    'accounts.inactive_title': 'This account is inactive',
    'accounts.inactive_why': '“{account}” is not active at the moment: its trial has ended, or {manager} has paused the account.',
    'accounts.inactive_kept':
      'The properties, plans and everything else in the account are kept for now, but none of the account’s own members can reach them until it is active again.',
    'accounts.inactive_contact': 'Contact {manager} if you want to go on using the account.',
    'accounts.inactive_your_manager': 'your property manager',
    'accounts.inactive_ways_on': 'Want to do something else?',
    'accounts.inactive_open_other': 'Open {account}',
    'accounts.inactive_new_account': 'Create a new account',
  },
);

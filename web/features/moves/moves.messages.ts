import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of moving a property or an organisation (keys start with `moves.`). */
export const movesMessages = defineMessages(
  {
    'moves.property_title': 'Flytta fastigheten',
    'moves.property_intro': 'Flyttar fastigheten med allt den har till en annan organisation, i detta eller ett annat konto du får redigera.',
    'moves.move': 'Flytta',
    'moves.move_property': 'Flytta fastighet',
    'moves.move_organisation_named': 'Flytta {name}',
    'moves.property_dialog_title': 'Flytta {name}',
    'moves.organisation_dialog_title': 'Flytta {name}',
    'moves.target_organisation': 'Till organisation',
    'moves.target_account': 'Till konto',
    'moves.choose': 'Välj…',
    'moves.loading_targets': 'Hämtar var du kan flytta till…',
    'moves.no_targets': 'Det finns ingen annan organisation du får redigera. Du behöver vara redigerare eller administratör där du flyttar till.',
    'moves.no_account_targets': 'Det finns inget annat konto du får redigera. Du behöver vara redigerare eller administratör där du flyttar till.',
    'moves.property_what':
      'Byggnader, platser, underhållsplaner, åtgärder, utförda åtgärder, kommentarer, bilagor, ändringshistorik, versioner och det som ligger i papperskorgen följer med.',
    'moves.organisation_what':
      'Alla dess fastigheter följer med, var och en med byggnader, platser, underhållsplaner, åtgärder, kommentarer, bilagor, historik och versioner.',
    'moves.property_where': '{name} flyttas till {organisation} i kontot {account}.',
    'moves.organisation_where': '{name} flyttas till kontot {account}.',
    'moves.other_account_note':
      'Den som bara är medlem i {from} ser den inte längre. Kopplingar till kontots egna biblioteksposter tas bort; åtgärderna behåller sina värden.',
    'moves.choose_target_first': 'Välj vart den ska flyttas.',
    'moves.moved': '{name} har flyttats till {target}.',
    'moves.open_there': 'Öppna den där',
  },
  {
    'moves.property_title': 'Move the property',
    'moves.property_intro': 'Moves the property with everything it holds to another organisation, in this account or another one you may edit.',
    'moves.move': 'Move',
    'moves.move_property': 'Move property',
    'moves.move_organisation_named': 'Move {name}',
    'moves.property_dialog_title': 'Move {name}',
    'moves.organisation_dialog_title': 'Move {name}',
    'moves.target_organisation': 'To organisation',
    'moves.target_account': 'To account',
    'moves.choose': 'Choose…',
    'moves.loading_targets': 'Finding where you can move it…',
    'moves.no_targets': 'There is no other organisation you may edit. You need to be an editor or administrator where you move it.',
    'moves.no_account_targets': 'There is no other account you may edit. You need to be an editor or administrator where you move it.',
    'moves.property_what':
      'Buildings, locations, maintenance plans, actions, completions, comments, attachments, the change history, versions and what is in the trash go with it.',
    'moves.organisation_what':
      'All its properties go with it, each with its buildings, locations, maintenance plans, actions, comments, attachments, history and versions.',
    'moves.property_where': '{name} moves to {organisation} in the account {account}.',
    'moves.organisation_where': '{name} moves to the account {account}.',
    'moves.other_account_note':
      "Whoever is only a member of {from} no longer sees it. Links to that account's own library items are removed; the actions keep their values.",
    'moves.choose_target_first': 'Choose where to move it.',
    'moves.moved': '{name} has been moved to {target}.',
    'moves.open_there': 'Open it there',
  },
);

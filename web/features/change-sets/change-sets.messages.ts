import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the notice that reports a change set and undoes it (keys start with `change_sets.`). */
export const changeSetsMessages = defineMessages(
  {
    'change_sets.undo': 'Ångra',
    'change_sets.dismiss': 'Stäng',
    'change_sets.undone': 'Ändringen är ångrad.',
    'change_sets.conflict': 'Det går inte att ångra längre: planen har ändrats sedan dess, eller så är ändringen redan ångrad.',
    'change_sets.conflict_actions.one': 'Det går inte att ångra: {names} har ändrats sedan dess, och ångra skulle skriva över den ändringen.',
    'change_sets.conflict_actions.other':
      'Det går inte att ångra: {count} av åtgärderna har ändrats sedan dess ({names}), och ångra skulle skriva över de ändringarna.',
    'change_sets.and_more': '{names} och {count} till',
  },
  {
    'change_sets.undo': 'Undo',
    'change_sets.dismiss': 'Close',
    'change_sets.undone': 'The change was undone.',
    'change_sets.conflict': 'This can no longer be undone: the plan has changed since, or the change was already undone.',
    'change_sets.conflict_actions.one': 'This cannot be undone: {names} has been changed since, and undoing would overwrite that change.',
    'change_sets.conflict_actions.other':
      'This cannot be undone: {count} of the actions have been changed since ({names}), and undoing would overwrite those changes.',
    'change_sets.and_more': '{names} and {count} more',
  },
);

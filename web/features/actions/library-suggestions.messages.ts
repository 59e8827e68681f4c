import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the action form's library suggestions and an action's link to its library item (keys start with `actions.library.`). */
export const librarySuggestionsMessages = defineMessages(
  {
    'actions.library.suggestions_label': 'Förslag ur biblioteket',
    'actions.library.no_match': 'Inget i biblioteket matchar.',
    'actions.library.count.one': '1 förslag ur biblioteket.',
    'actions.library.count.other': '{count} förslag ur biblioteket.',
    'actions.library.lifetime': 'livslängd {years} år',
    'actions.library.indicative_price': 'riktpris {amount}/{unit} ({year})',
    'actions.library.linked': 'Från biblioteket: {name}',
    'actions.library.linked_unknown': 'Kopplad till en post i biblioteket',
    'actions.library.source': 'Källa: {source}',
    'actions.library.own_item': 'Kontots egen post',
    'actions.library.unlink': 'Ta bort koppling',
    'actions.library.unlinked': 'Kopplingen till biblioteket tas bort när du sparar.',
    'actions.library.marker': 'Bibliotek',
    'actions.library.detail': 'Bibliotek',
    'actions.library.not_linked': 'Inte kopplad',
  },
  {
    'actions.library.suggestions_label': 'Suggestions from the library',
    'actions.library.no_match': 'Nothing in the library matches.',
    'actions.library.count.one': '1 suggestion from the library.',
    'actions.library.count.other': '{count} suggestions from the library.',
    'actions.library.lifetime': 'lifetime {years} years',
    'actions.library.indicative_price': 'indicative price {amount}/{unit} ({year})',
    'actions.library.linked': 'From the library: {name}',
    'actions.library.linked_unknown': 'Linked to a library item',
    'actions.library.source': 'Source: {source}',
    'actions.library.own_item': 'The account’s own item',
    'actions.library.unlink': 'Remove link',
    'actions.library.unlinked': 'The link to the library is removed when you save.',
    'actions.library.marker': 'Library',
    'actions.library.detail': 'Library',
    'actions.library.not_linked': 'Not linked',
  },
);

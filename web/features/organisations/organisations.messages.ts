import { defineMessages } from '../../lib/i18n/define-messages.ts';

/** Texts of the organisations screens (keys start with `organisations.`). */
export const organisationsMessages = defineMessages(
  {
    'organisations.lead': 'Organisationer, fastigheter och nyckeltal för deras underhållsplaner.',
    'organisations.amounts_excl_vat': 'Belopp exklusive moms. Underhållsskulden räknas per m² BOA + LOA.',
    'organisations.amounts_incl_vat': 'Belopp inklusive moms. Underhållsskulden räknas per m² BOA + LOA.',
    'organisations.amounts_rounded': 'Beloppen är avrundade för visning (välj exakta belopp på en plans sidor).',
    'organisations.none_title': 'Inga organisationer ännu',
    'organisations.none_text_editor':
      'Kom igång i tre steg. En organisation samlar fastigheter, till exempel en bostadsrättsförening eller ett bestånd du förvaltar.',
    'organisations.none_text_viewer':
      'Kontot har inga organisationer eller fastigheter ännu. När någon med rätt att arbeta i kontot har lagt in dem visas de här.',
    'organisations.step_organisation': 'Skapa en organisation, till exempel Brf Eken.',
    'organisations.step_property': 'Lägg till organisationens fastighet med BOA och LOA.',
    'organisations.step_plan': 'Skapa en underhållsplan för fastigheten och lägg in åtgärderna.',
    'organisations.create_title': 'Ny organisation',
    'organisations.create_submit': 'Skapa organisation',
    'organisations.created': 'Organisationen {name} är skapad. Lägg till dess fastighet nedan.',
    'organisations.field.name': 'Organisationens namn',
    'organisations.field.name_hint': 'Till exempel Brf Eken eller Bestånd Norr.',
    'organisations.field.name_hint_suggested': 'Ifyllt med kontots namn: behåll det eller skriv organisationens eget, till exempel Bestånd Norr.',
    'organisations.rename': 'Byt namn',
    'organisations.rename_named': 'Byt namn på {name}',
    'organisations.rename_submit': 'Spara namnet',
    'organisations.delete': 'Ta bort',
    'organisations.delete_named': 'Ta bort {name}',
    'organisations.delete_title': 'Ta bort {name}?',
    'organisations.delete_text.one':
      'Organisationens fastighet tas också bort, med alla byggnader, lägen, underhållsplaner, åtgärder, kommentarer och bilagor.',
    'organisations.delete_text.other':
      'Organisationens {count} fastigheter tas också bort, med alla byggnader, lägen, underhållsplaner, åtgärder, kommentarer och bilagor.',
    'organisations.delete_text_unknown':
      'Organisationens fastigheter tas också bort, med alla byggnader, lägen, underhållsplaner, åtgärder, kommentarer och bilagor.',
    'organisations.delete_restorable': 'Organisationen kan återställas från papperskorgen i 30 dagar.',
    'organisations.deleted': 'Organisationen {name} är borttagen.',
    'organisations.property_deleted': 'Fastigheten {name} är borttagen.',
    'organisations.no_properties_editor': 'Organisationen har inga fastigheter ännu. Lägg till den första nedan.',
    'organisations.no_properties_viewer': 'Organisationen har inga fastigheter ännu.',
    'organisations.add_property': 'Lägg till fastighet',
    'organisations.add_property_title': 'Ny fastighet i {name}',
    'organisations.property_created': 'Fastigheten {name} är tillagd.',
  },
  {
    'organisations.lead': 'Organisations, properties and the key figures of their maintenance plans.',
    'organisations.amounts_excl_vat': 'Amounts excluding VAT. Maintenance debt is per m² of BOA + LOA.',
    'organisations.amounts_incl_vat': 'Amounts including VAT. Maintenance debt is per m² of BOA + LOA.',
    'organisations.amounts_rounded': 'Amounts are rounded for display (choose exact amounts on a plan’s pages).',
    'organisations.none_title': 'No organisations yet',
    'organisations.none_text_editor':
      'Get started in three steps. An organisation groups properties, for example a housing cooperative or a portfolio you manage.',
    'organisations.none_text_viewer':
      'The account has no organisations or properties yet. They will appear here once someone allowed to work in the account has added them.',
    'organisations.step_organisation': 'Create an organisation, for example Brf Eken.',
    'organisations.step_property': "Add the organisation's property with its BOA and LOA.",
    'organisations.step_plan': 'Create a maintenance plan for the property and enter its actions.',
    'organisations.create_title': 'New organisation',
    'organisations.create_submit': 'Create organisation',
    'organisations.created': 'The organisation {name} has been created. Add its property below.',
    'organisations.field.name': "Organisation's name",
    'organisations.field.name_hint': 'For example Brf Eken or Northern portfolio.',
    'organisations.field.name_hint_suggested': "Filled in with the account's name: keep it or enter the organisation's own, for example Northern portfolio.",
    'organisations.rename': 'Rename',
    'organisations.rename_named': 'Rename {name}',
    'organisations.rename_submit': 'Save name',
    'organisations.delete': 'Delete',
    'organisations.delete_named': 'Delete {name}',
    'organisations.delete_title': 'Delete {name}?',
    'organisations.delete_text.one':
      "The organisation's property is deleted too, with all its buildings, locations, maintenance plans, actions, comments and attachments.",
    'organisations.delete_text.other':
      "The organisation's {count} properties are deleted too, with all their buildings, locations, maintenance plans, actions, comments and attachments.",
    'organisations.delete_text_unknown':
      "The organisation's properties are deleted too, with all their buildings, locations, maintenance plans, actions, comments and attachments.",
    'organisations.delete_restorable': 'The organisation can be restored from the trash for 30 days.',
    'organisations.deleted': 'The organisation {name} has been deleted.',
    'organisations.property_deleted': 'The property {name} has been deleted.',
    'organisations.no_properties_editor': 'The organisation has no properties yet. Add the first one below.',
    'organisations.no_properties_viewer': 'The organisation has no properties yet.',
    'organisations.add_property': 'Add property',
    'organisations.add_property_title': 'New property in {name}',
    'organisations.property_created': 'The property {name} has been added.',
  },
);

import { defineMessages } from '../../lib/i18n/define-messages.ts';

/**
 * Texts of a property's buildings and locations. Their keys keep the `properties.` prefix of the
 * page they are shown on: `properties.parts.`, `properties.buildings.`, `properties.locations.`.
 */
export const propertyPartsMessages = defineMessages(
  {
    'properties.parts.rename': 'Byt namn',
    'properties.parts.save': 'Spara',
    'properties.parts.delete': 'Ta bort',
    'properties.parts.renamed': 'Namnet är ändrat till {name}.',
    'properties.buildings.title': 'Byggnader',
    'properties.buildings.intro': 'Åtgärder kan knytas till en byggnad, och analysen fördelar kostnaden per byggnad.',
    'properties.buildings.none': 'Inga byggnader ännu.',
    'properties.buildings.name': 'Byggnadens namn',
    'properties.buildings.name_hint': 'Till exempel Hus A.',
    'properties.buildings.add': 'Lägg till byggnad',
    'properties.buildings.added': 'Byggnaden {name} är tillagd.',
    'properties.buildings.rename_named': 'Byt namn på byggnaden {name}',
    'properties.buildings.delete_named': 'Ta bort byggnaden {name}',
    'properties.buildings.delete_title': 'Ta bort byggnaden {name}?',
    'properties.buildings.delete_text':
      'Åtgärder som hör till byggnaden finns kvar i planen, men utan byggnad. Byggnaden kan återställas från papperskorgen i 30 dagar, och åtgärderna får den då tillbaka.',
    'properties.buildings.deleted': 'Byggnaden {name} är borttagen.',
    'properties.locations.title': 'Lägen',
    'properties.locations.intro': 'Ett läge säger var i fastigheten en åtgärd görs, till exempel tvättstugan.',
    'properties.locations.none': 'Inga lägen ännu.',
    'properties.locations.name': 'Lägets namn',
    'properties.locations.name_hint': 'Till exempel Tvättstuga eller Trapphus 2.',
    'properties.locations.add': 'Lägg till läge',
    'properties.locations.added': 'Läget {name} är tillagt.',
    'properties.locations.rename_named': 'Byt namn på läget {name}',
    'properties.locations.delete_named': 'Ta bort läget {name}',
    'properties.locations.delete_title': 'Ta bort läget {name}?',
    'properties.locations.delete_text':
      'Åtgärder som hör till läget finns kvar i planen, men utan läge. Läget kan återställas från papperskorgen i 30 dagar, och åtgärderna får det då tillbaka.',
    'properties.locations.deleted': 'Läget {name} är borttaget.',
  },
  {
    'properties.parts.rename': 'Rename',
    'properties.parts.save': 'Save',
    'properties.parts.delete': 'Delete',
    'properties.parts.renamed': 'The name has been changed to {name}.',
    'properties.buildings.title': 'Buildings',
    'properties.buildings.intro': 'Actions can belong to a building, and the analysis splits the cost by building.',
    'properties.buildings.none': 'No buildings yet.',
    'properties.buildings.name': "Building's name",
    'properties.buildings.name_hint': 'For example House A.',
    'properties.buildings.add': 'Add building',
    'properties.buildings.added': 'The building {name} has been added.',
    'properties.buildings.rename_named': 'Rename the building {name}',
    'properties.buildings.delete_named': 'Delete the building {name}',
    'properties.buildings.delete_title': 'Delete the building {name}?',
    'properties.buildings.delete_text':
      'Actions of the building stay in the plan, without a building. The building can be restored from the trash for 30 days, and the actions get it back then.',
    'properties.buildings.deleted': 'The building {name} has been deleted.',
    'properties.locations.title': 'Locations',
    'properties.locations.intro': 'A location says where in the property an action is done, for example the laundry room.',
    'properties.locations.none': 'No locations yet.',
    'properties.locations.name': "Location's name",
    'properties.locations.name_hint': 'For example Laundry room or Stairwell 2.',
    'properties.locations.add': 'Add location',
    'properties.locations.added': 'The location {name} has been added.',
    'properties.locations.rename_named': 'Rename the location {name}',
    'properties.locations.delete_named': 'Delete the location {name}',
    'properties.locations.delete_title': 'Delete the location {name}?',
    'properties.locations.delete_text':
      'Actions at the location stay in the plan, without a location. The location can be restored from the trash for 30 days, and the actions get it back then.',
    'properties.locations.deleted': 'The location {name} has been deleted.',
  },
);

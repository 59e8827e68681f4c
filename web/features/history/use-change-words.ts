import { useMemo } from 'react';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useBuildings, useLocations } from '../property-parts/property-parts-api.ts';
import type { ChangeWords } from './describe-change.ts';
import { fieldLabel } from './history-fields.ts';

/** What the history needs to put changes into words: the language, the forms' labels and the property's buildings and locations. */
export function useChangeWords(propertyId: string): ChangeWords {
  const { t, language } = useTranslation();
  const buildings = useBuildings(propertyId);
  const locations = useLocations(propertyId);
  return useMemo(
    () => ({ language, t, labelOf: (field) => fieldLabel(field, t), buildings: buildings.data, locations: locations.data, loadingText: t('loading') }),
    [language, t, buildings.data, locations.data],
  );
}

import type { Language } from '../../../shared/i18n/language.ts';
import type { Property } from '../../../shared/schemas/property.ts';
import { formatNumber } from '../../lib/i18n/format-amount.ts';

/**
 * BOA + LOA, the area the per-m² figures divide by (docs/product/cost-model.md § Plan analysis);
 * null when neither is known.
 */
export function describeArea(property: Pick<Property, 'boa' | 'loa'>, language: Language): string | null {
  if (property.boa === null && property.loa === null) return null;
  return `${formatNumber((property.boa ?? 0) + (property.loa ?? 0), language)} m²`;
}

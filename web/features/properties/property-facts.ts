import type { Language } from '../../../shared/i18n/language.ts';
import type { Property } from '../../../shared/schemas/property.ts';
import { formatNumber } from '../../lib/i18n/format-amount.ts';

/**
 * The address with the municipality after it ("Storgatan 5, 753 20 Uppsala, Uppsala kommun"), the
 * municipality left out when it is the address's postal town, whatever the case: "Ekvägen 1,
 * 114 30 Stockholm" in Stockholm, not "…Stockholm, Stockholm". Null when neither is known.
 */
export function describeAddress(property: Pick<Property, 'address' | 'municipality'>): string | null {
  const { address, municipality } = property;
  if (address === null || municipality === null) return address ?? municipality;
  const town = postalTownOf(address);
  const isSaid = [town, address].some((text) => text !== null && text.localeCompare(municipality.trim(), 'sv', { sensitivity: 'accent' }) === 0);
  return isSaid ? address : `${address}, ${municipality}`;
}

/** What follows the postal code ("114 30 Stockholm"), else the part after the last comma; null for neither. */
function postalTownOf(address: string): string | null {
  const parts = address.split(',');
  const last = (parts.at(-1) ?? '').trim();
  const afterCode = /^(?:.*\s)?\d{3} ?\d{2}\s+(.+)$/u.exec(last)?.[1];
  return afterCode ?? (parts.length > 1 ? last : null);
}

/**
 * BOA + LOA, the area the per-m² figures divide by (docs/product/cost-model.md § Plan analysis);
 * null when neither is known.
 */
export function describeArea(property: Pick<Property, 'boa' | 'loa'>, language: Language): string | null {
  if (property.boa === null && property.loa === null) return null;
  return `${formatNumber((property.boa ?? 0) + (property.loa ?? 0), language)} m²`;
}

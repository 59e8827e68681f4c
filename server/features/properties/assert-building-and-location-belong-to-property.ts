import type { ValidationMessageKey } from '../../../shared/i18n/validation-messages.ts';
import type { Db } from '../../db/database.ts';
import { validationError } from '../../http/app-error.ts';
import { isPartOfProperty } from '../property-parts/property-parts.queries.ts';
import type { AccountId } from '../../db/account-id.ts';

/**
 * An action may name only a building and a location of its plan's property: any other id (another
 * property's, another account's, an unknown one) is a 400 on that field. Call it in the write's
 * transaction: the rows found are held (key share) until it ends, so they cannot be deleted before
 * the action referring to them is written. The database checks the same with composite foreign keys.
 */
export async function assertBuildingAndLocationBelongToProperty(
  db: Db,
  accountId: AccountId,
  propertyId: string,
  references: { buildingId?: string | null; locationId?: string | null },
): Promise<void> {
  const fieldCodes: Record<string, ValidationMessageKey> = {};
  if (references.buildingId && !(await isPartOfProperty(db, accountId, 'buildings', propertyId, references.buildingId))) {
    fieldCodes.buildingId = 'building.not_in_property';
  }
  if (references.locationId && !(await isPartOfProperty(db, accountId, 'locations', propertyId, references.locationId))) {
    fieldCodes.locationId = 'location.not_in_property';
  }
  if (Object.keys(fieldCodes).length > 0) throw validationError(fieldCodes, 'The building or location is not one of this property');
}

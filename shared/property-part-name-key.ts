/**
 * What makes two building (or location) names of one property the same name: equal after trimming
 * and Unicode normalisation (NFC: "å" typed as one character or as "a" plus a ring), ignoring case.
 * The one definition: the database's unique index is on the key this gives, stored beside the name
 * (server/db/migrations/0012-unique-part-names.ts), and the spreadsheet import matches names by it,
 * so the import finds a part exactly when the index would call the names equal.
 */
export function propertyPartNameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

import { sql, type Kysely } from 'kysely';
import { propertyPartNameKey } from '../../../shared/property-part-name-key.ts';

/** Names are at most 120 characters (the check of 0003-maintenance-plans.ts). */
const maximumNameLength = 120;

/**
 * Building and location names are unique per property, compared as `propertyPartNameKey` compares
 * them (trimmed, NFC, ignoring case): each row stores that key in `name_key`, and a unique index is
 * on (account_id, property_id, name_key). The key is computed here and by the application rather
 * than by an SQL expression, because PostgreSQL's lower() depends on the cluster's locale (under
 * "C" it lowercases ASCII only), and the import must match names exactly as the index compares
 * them (docs/decisions/0036-unique-part-names.md).
 *
 * Existing duplicates are renamed, not merged (their actions stay where they are): within a
 * property, the oldest part keeps its name and each later one with the same key gets the first free
 * suffix, "Hus A (2)", "Hus A (3)", shortened to fit 120 characters. Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['buildings', 'locations'] as const) {
    await sql`alter table ${sql.table(table)} add column name_key text`.execute(db);
    const { rows } = await sql<{ id: string; accountId: string; propertyId: string; name: string }>`
      select id, account_id as "accountId", property_id as "propertyId", name
      from ${sql.table(table)}
      order by account_id, property_id, created_at, id
    `.execute(db);
    const keyed = uniqueNames(rows);
    if (keyed.length > 0) {
      await sql`
        update ${sql.table(table)} as part
        set name = named.name, name_key = named.key
        from unnest(${keyed.map((row) => row.id)}::uuid[], ${keyed.map((row) => row.name)}::text[], ${keyed.map((row) => row.key)}::text[])
          as named (id, name, key)
        where part.id = named.id
      `.execute(db);
    }
    await sql`alter table ${sql.table(table)} alter column name_key set not null`.execute(db);
    await sql`create unique index ${sql.id(`${table}_name_key`)} on ${sql.table(table)} (account_id, property_id, name_key)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The renamed duplicates keep their new names.
  for (const table of ['buildings', 'locations'] as const) {
    await sql`alter table ${sql.table(table)} drop column name_key`.execute(db);
  }
}

/** Every row with its name (renamed where it repeats an earlier one of its property) and key. */
function uniqueNames(rows: readonly { id: string; accountId: string; propertyId: string; name: string }[]): { id: string; name: string; key: string }[] {
  const keysByProperty = new Map<string, Set<string>>();
  for (const row of rows) {
    const property = `${row.accountId}/${row.propertyId}`;
    let keys = keysByProperty.get(property);
    if (!keys) {
      keys = new Set();
      keysByProperty.set(property, keys);
    }
    keys.add(propertyPartNameKey(row.name));
  }
  const takenByProperty = new Map<string, Set<string>>();
  return rows.map((row) => {
    const property = `${row.accountId}/${row.propertyId}`;
    const originalKeys = keysByProperty.get(property) ?? new Set<string>();
    let taken = takenByProperty.get(property);
    if (!taken) {
      taken = new Set();
      takenByProperty.set(property, taken);
    }
    let name = row.name.trim();
    let key = propertyPartNameKey(name);
    // A suffix must not take a name another part has or has been given.
    for (let number = 2; taken.has(key); number += 1) {
      const suffix = ` (${number})`;
      const candidate = `${row.name
        .trim()
        .slice(0, maximumNameLength - suffix.length)
        .trimEnd()}${suffix}`;
      const candidateKey = propertyPartNameKey(candidate);
      if (originalKeys.has(candidateKey)) continue;
      name = candidate;
      key = candidateKey;
    }
    taken.add(key);
    return { id: row.id, name, key };
  });
}

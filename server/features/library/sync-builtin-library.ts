import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { builtinLibrary } from './builtin-library.ts';

/** Serialises two servers starting at once (ops ha up starts several), so neither retires the other's rows. */
const SYNC_LOCK = 7_364_201;

/**
 * Makes the built-in rows of `library_items` what the data files say: new items inserted, changed
 * ones updated, and items whose key left the files retired (kept, because actions may link them,
 * but listed no more). Runs at every migrate, so an operator's change to the files takes effect
 * at the next start (docs/decisions/0038-library-in-files-synced-to-a-table.md).
 */
export async function syncBuiltinLibrary(db: Db): Promise<void> {
  const { items } = builtinLibrary();
  const rows = items.map((item) => ({
    id: item.id,
    key: item.key,
    nameSv: item.name.sv,
    nameEn: item.name.en,
    category: item.category,
    unit: item.unit,
    lifetimeYears: item.lifetimeYears,
    unitPrice: item.unitPrice,
    priceYear: item.priceYear,
    source: item.source,
    kind: item.kind,
  }));
  await db.transaction().execute(async (transaction) => {
    await sql`select pg_advisory_xact_lock(${SYNC_LOCK})`.execute(transaction);
    await sql`
      insert into library_items as l (id, builtin_key, name_sv, name_en, category, unit, lifetime_years, unit_price, price_year, source, kind)
      select r.id, r.key, r."nameSv", r."nameEn", r.category, r.unit, r."lifetimeYears", r."unitPrice", r."priceYear", r.source, r.kind
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, key text, "nameSv" text, "nameEn" text, category text,
        unit text, "lifetimeYears" integer, "unitPrice" numeric, "priceYear" integer, source text, kind text)
      on conflict (id) do update set
        builtin_key = excluded.builtin_key, name_sv = excluded.name_sv, name_en = excluded.name_en, category = excluded.category,
        unit = excluded.unit, lifetime_years = excluded.lifetime_years, unit_price = excluded.unit_price,
        price_year = excluded.price_year, source = excluded.source, kind = excluded.kind, retired_at = null, updated_at = now()
      where (l.builtin_key, l.name_sv, l.name_en, l.category, l.unit, l.lifetime_years, l.unit_price, l.price_year, l.source, l.kind, l.retired_at)
        is distinct from (excluded.builtin_key, excluded.name_sv, excluded.name_en, excluded.category, excluded.unit,
          excluded.lifetime_years, excluded.unit_price, excluded.price_year, excluded.source, excluded.kind, null)
    `.execute(transaction);
    await sql`
      update library_items set retired_at = now(), updated_at = now()
      where account_id is null and retired_at is null and id <> all(${items.map((item) => item.id)}::uuid[])
    `.execute(transaction);
  });
}

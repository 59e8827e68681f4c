import { sql, type RawBuilder } from 'kysely';
import type { Action } from '../../shared/schemas/action.ts';

// The JSON that PostgreSQL writes for a plan's actions, one text per action: the list's elements
// and the cost model's inputs. At 10 000 actions, decoding rows into objects and stringifying
// them again was most of the list's time (bench/README.md).

/**
 * ISO-8601 in UTC with milliseconds, exactly as `Date.prototype.toISOString` writes it (to_char's
 * `MS` truncates the microseconds, as node-pg's Date parsing does).
 */
const isoTimestamp = (column: 'created_at' | 'updated_at') => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Free text as a JSON string, escaped as JSON.stringify escapes it (quotes, backslashes, control characters). */
const jsonString = (column: 'name' | 'unit' | 'note') => sql<string>`to_json(${sql.ref(column)})::text`;

/** A uuid or a code (category, status: the table's CHECKs allow only [a-z-]) needs no escaping. */
const quoted = (expression: RawBuilder<unknown>) => sql<string>`'"' || ${expression} || '"'`;

const orNull = (expression: RawBuilder<string>) => sql<string>`coalesce(${expression}, 'null')`;

/**
 * The quantity (a numeric ≥ 0 of any precision) as JavaScript writes the nearest double (what
 * node-pg's `Number(text)` and JSON.stringify made of it before): 0.125 → `0.125`, 1e-7 → `1e-7`.
 * PostgreSQL's float8 output is the same shortest round-trip digits (extra_float_digits 1, the
 * default) in the same notation from 1e-4 up to 1e15 (quantities stop at 1e9); below 1e-4 it
 * writes `1.5e-05` where JavaScript writes `0.000015` (down to 1e-6) or `1.5e-7`. The numeric
 * comparison keeps the usual case to one float conversion.
 */
const quantityJson = (() => {
  const text = sql<string>`quantity::float8::text`;
  const mantissa = sql<string>`split_part(${text}, 'e', 1)`;
  const exponent = sql<number>`split_part(${text}, 'e', 2)::int`;
  return sql<string>`case
    when quantity = 0 or quantity >= 0.0001 or strpos(${text}, 'e') = 0 then ${text}
    when ${exponent} >= -6 then '0.' || repeat('0', -${exponent} - 1) || replace(${mantissa}, '.', '')
    else ${mantissa} || 'e' || ${exponent}
  end`;
})();

/**
 * The unit price, numeric(14, 2), without trailing zeros (2500.00 → `2500`, 640.50 → `640.5`): at
 * most 14 significant digits and two decimals, which a double holds and JavaScript writes the same.
 */
const unitPriceJson = sql<string>`trim_scale(unit_price)::text`;

/**
 * The JSON of one action, written by PostgreSQL: the fields of `actionSchema`, in its order, and
 * nothing else (the allowlist of the list, as `respond` is for single actions), byte for byte what
 * JSON.stringify wrote of the rows before (actions-list-json.test.ts compares the two). Plain
 * concatenation: row_to_json and json_build_object look up every column's type for every row and
 * were measurably slower (bench/README.md, Plans and actions).
 */
const actionJsonMembers = {
  id: quoted(sql.ref('id')),
  accountId: quoted(sql.ref('account_id')),
  planId: quoted(sql.ref('plan_id')),
  propertyId: quoted(sql.ref('property_id')),
  name: jsonString('name'),
  category: quoted(sql.ref('category')),
  buildingId: orNull(quoted(sql.ref('building_id'))),
  locationId: orNull(quoted(sql.ref('location_id'))),
  quantity: quantityJson,
  unit: jsonString('unit'),
  unitPrice: unitPriceJson,
  year: sql<string>`year::text`,
  intervalYears: orNull(sql<string>`interval_years::text`),
  status: quoted(sql.ref('status')),
  baseYear: orNull(sql<string>`base_year::text`),
  isInvestment: sql<string>`case when is_investment then 'true' else 'false' end`,
  tags: sql<string>`array_to_json(tags)::text`,
  note: jsonString('note'),
  libraryItemId: orNull(quoted(sql.ref('library_item_id'))),
  createdAt: quoted(isoTimestamp('created_at')),
  updatedAt: quoted(isoTimestamp('updated_at')),
} satisfies Record<keyof Action, RawBuilder<string>>;

export const actionJson = sql<string>`${sql.join(
  Object.entries(actionJsonMembers).map(([key, value], index) => sql`${sql.lit(`${index === 0 ? '{' : ','}${JSON.stringify(key)}:`)} || ${value}`),
  sql` || `,
)} || '}'`;

/**
 * Only what the cost model reads, named as its `ActionInput`, as JSON: one `JSON.parse` of the
 * whole list is far cheaper than node-pg decoding 11 values a row. The numerics as float8 are the
 * doubles `Number(text)` made of them (both round correctly), printed exactly (the default
 * extra_float_digits) in a notation JSON.parse reads.
 */
export const costInputJson = sql<string>`'{"id":"' || id || '","category":"' || category
  || '","buildingId":' || coalesce('"' || building_id || '"', 'null') || ',"locationId":' || coalesce('"' || location_id || '"', 'null')
  || ',"quantity":' || quantity::float8 || ',"unitPrice":' || unit_price::float8 || ',"year":' || year
  || ',"intervalYears":' || coalesce(interval_years::text, 'null') || ',"status":"' || status
  || '","baseYear":' || coalesce(base_year::text, 'null') || ',"isInvestment":' || case when is_investment then 'true' else 'false' end || '}'`;

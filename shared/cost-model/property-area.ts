/**
 * `areaM2` of docs/product/cost-model.md § Plan analysis: BOA + LOA in m², a missing figure counting
 * as 0. Both have at most two decimals (numeric(12, 2)), so they are added in hundredths: the
 * result is the double nearest the decimal sum, exactly what the server reads when PostgreSQL adds
 * the two numerics (server/plan-snapshot/plan-snapshot.queries.ts), where plain `+` of the two
 * doubles can be one unit in the last place off (0.1 + 0.2), and per-m² figures with it.
 */
export function propertyAreaM2(boa: number | null, loa: number | null): number {
  return (Math.round((boa ?? 0) * 100) + Math.round((loa ?? 0) * 100)) / 100;
}

/** Rows carry Date objects; the API speaks ISO-8601 strings in UTC. */
export function withIsoTimestamps<Row extends { createdAt: Date; updatedAt: Date }>(
  row: Row,
): Omit<Row, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string } {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

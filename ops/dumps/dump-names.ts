/** Dumps are named `kvarter-<UTC yyyymmddThhmmssZ>.dump.enc`, so names sort by time. */
export const DUMP_SUFFIX = '.dump.enc';
const NAME_PATTERN = /^kvarter-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.dump\.enc$/;

export function dumpKey(takenAt: Date): string {
  const stamp = takenAt
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll('-', '')
    .replaceAll(':', '');
  return `kvarter-${stamp}${DUMP_SUFFIX}`;
}

/** The moment in a dump's name, or undefined for a name that does not follow the pattern. */
export function dumpTimeFromKey(key: string): Date | undefined {
  const match = NAME_PATTERN.exec(key.slice(key.lastIndexOf('/') + 1));
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Reject impossible dates (month 13, 31 February) instead of letting Date roll them over.
  return time.getUTCMonth() === month - 1 && time.getUTCDate() === day && hour < 24 && minute < 60 && second < 60 ? time : undefined;
}

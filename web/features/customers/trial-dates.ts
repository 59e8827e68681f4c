const dayMs = 24 * 60 * 60 * 1000;

/** A default offered when a trial is extended: a month past its current end, or past today. */
const extensionDays = 30;

/** The last moment of a calendar day (`YYYY-MM-DD`) in the browser's time zone, as the API's ISO timestamp. */
export function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59.999`).toISOString();
}

/** A date field's value (`YYYY-MM-DD`, local) a month after the trial's current end, or after today without one. */
export function dateInputValue(trialEndsAt: string | null, now = Date.now()): string {
  const from = Math.max(trialEndsAt === null ? now : Date.parse(trialEndsAt), now);
  const day = new Date(from + extensionDays * dayMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** When a customer made inactive now is deleted: `days` after today. */
export function deletionDate(days: number, now = Date.now()): string {
  return new Date(now + days * dayMs).toISOString();
}

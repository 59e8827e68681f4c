import type { Language } from '../../../shared/i18n/language.ts';

/**
 * Times, ages, durations and sizes for people, in the chosen language's conventions and the
 * browser's time zone. Timestamps are ISO-8601 strings as the API sends them.
 */
const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

const secondMs = 1000;
const minuteMs = 60 * secondMs;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** Date and time of day, e.g. "10 mars 2026 14:05" / "10 Mar 2026, 14:05". */
export function formatDateTime(isoTimestamp: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(isoTimestamp));
}

/** Time of day with seconds, for "checked at" notes that change every minute. */
export function formatTimeOfDay(isoTimestamp: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { timeStyle: 'medium' }).format(new Date(isoTimestamp));
}

/**
 * How long ago, e.g. "för 3 timmar sedan" / "3 hours ago". Hours up to two days, so ages around
 * the 26-hour backup limit read precisely; a time in the future (clock skew) reads as now.
 */
export function formatTimeAgo(isoTimestamp: string, language: Language, nowMs: number): string {
  const elapsedMs = Math.max(0, nowMs - Date.parse(isoTimestamp));
  const format = new Intl.RelativeTimeFormat(locales[language], { numeric: 'auto' });
  if (elapsedMs < minuteMs) return format.format(-Math.floor(elapsedMs / secondMs), 'second');
  if (elapsedMs < hourMs) return format.format(-Math.floor(elapsedMs / minuteMs), 'minute');
  if (elapsedMs < 2 * dayMs) return format.format(-Math.floor(elapsedMs / hourMs), 'hour');
  return format.format(-Math.floor(elapsedMs / dayMs), 'day');
}

/** A duration in seconds in its largest whole unit, e.g. "5 minuter" / "5 minutes". */
export function formatDuration(seconds: number, language: Language): string {
  const [value, unit] =
    seconds < 60
      ? [seconds, 'second']
      : seconds < 3600
        ? [Math.floor(seconds / 60), 'minute']
        : seconds < 86_400
          ? [Math.floor(seconds / 3600), 'hour']
          : [Math.floor(seconds / 86_400), 'day'];
  return new Intl.NumberFormat(locales[language], { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A size in bytes with decimal units (1 kB = 1000 B), e.g. "1,2 GB" / "1.2 GB". */
export function formatBytes(bytes: number, language: Language): string {
  let value = bytes;
  let index = 0;
  while (value >= 1000 && index < byteUnits.length - 1) {
    value /= 1000;
    index += 1;
  }
  return new Intl.NumberFormat(locales[language], { style: 'unit', unit: byteUnits[index], maximumFractionDigits: index === 0 ? 0 : 1 }).format(value);
}

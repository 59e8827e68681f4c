import { formatDateTime, formatTimeAgo } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

interface TimestampProps {
  /** ISO-8601, as the API sends it. */
  value: string;
  /** "Now" for the age: the status's generatedAt (the server's clock, like every time in it). */
  now: string;
}

/** "10 mars 2026 14:05 (för 3 timmar sedan)", machine-readable in <time>. */
export function Timestamp({ value, now }: TimestampProps) {
  const { language } = useTranslation();
  return (
    <>
      <time dateTime={value}>{formatDateTime(value, language)}</time> <span className="muted">({formatTimeAgo(value, language, Date.parse(now))})</span>
    </>
  );
}

import type { ReactNode } from 'react';
import type { HistoryEntry } from '../../../shared/schemas/history.ts';
import { formatDateTime } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useSession } from '../auth/session.ts';
import { describeEntryChanges, type ChangeWords } from './describe-change.ts';
import { describePerson } from './describe-person.ts';

interface HistoryEntryItemProps {
  entry: HistoryEntry;
  isPlanSettings: boolean;
  words: ChangeWords;
  /** What was changed (the plan's history names the action or the settings); the action's own page leaves it out. */
  subject?: ReactNode;
  /** A note under the changes, e.g. that the entry is part of a change to several actions. */
  note?: string | undefined;
}

/** One entry of a history: who did what and when, then each changed field in words. */
export function HistoryEntryItem({ entry, isPlanSettings, words, subject, note }: HistoryEntryItemProps) {
  const { t, language } = useTranslation();
  const { user } = useSession();
  const lines = describeEntryChanges(entry.kind, entry.changes, isPlanSettings, words);
  return (
    <li className="history-entry">
      {subject !== undefined && <h3 className="history-entry__subject">{subject}</h3>}
      <p className="history-entry__summary">
        <span className="history-entry__what">
          {t('history.entry', { who: describePerson(entry.user, user.id, t), what: t(`history.kind.${entry.kind}`) })}
        </span>{' '}
        <time className="history-entry__at" dateTime={entry.at}>
          {formatDateTime(entry.at, language)}
        </time>
      </p>
      {lines.length > 0 && (
        <ul className="history-entry__changes">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {note !== undefined && <p className="history-entry__note">{note}</p>}
    </li>
  );
}

import type { HistoryEntry } from '../../../shared/schemas/history.ts';
import { HistoryEntryItem } from './history-entry-item.tsx';
import { useChangeWords } from './use-change-words.ts';

/** The entries of an action's history in words, newest first. */
export function ActionHistoryList({ propertyId, entries }: { propertyId: string; entries: readonly HistoryEntry[] }) {
  const words = useChangeWords(propertyId);
  return (
    <ol className="history-list">
      {entries.map((entry, index) => (
        <HistoryEntryItem key={`${entry.at}-${index}`} entry={entry} isPlanSettings={false} words={words} />
      ))}
    </ol>
  );
}

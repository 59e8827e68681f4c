import type { HistoryEntry } from '../../../shared/schemas/history.ts';
import type { HistoryTranslate } from './describe-change.ts';

/**
 * Who made a change: "Du" for the signed-in person, else the name. The API gives no user both
 * when a change was made outside the app and when its user has been deleted (the foreign key
 * forgets them), so one phrase names both.
 */
export function describePerson(user: HistoryEntry['user'], signedInUserId: string, t: HistoryTranslate): string {
  if (user === null) return t('history.by.nobody');
  return user.id === signedInUserId ? t('history.by.you') : user.name;
}

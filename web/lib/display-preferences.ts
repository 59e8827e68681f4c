import { useMutation } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { displayPreferencesSchema, type DisplayPreferences } from '../../shared/schemas/auth.ts';
import { apiRequest } from './api/api-client.ts';

/**
 * How amounts are shown everywhere in the app: including or excluding VAT (the VAT switch of
 * docs/product/screens.md § Everywhere) and with or without display rounding
 * (docs/product/cost-model.md § Display rounding). A choice of the person, not of the plan, kept
 * with the user on the server so it follows them to every browser and device: `GET /api/auth/me`
 * tells it (the session hands it to `adoptDisplayPreferences`), and a change shows at once and is
 * saved in the background (`PATCH /api/auth/display-preferences`, docs/product/api.md).
 */
export type { DisplayPreferences };
export type VatChoice = DisplayPreferences['vat'];

/** A new user's choices (migration 0006), shown until the server's arrive. */
const defaults: DisplayPreferences = { vat: 'excl', isRounded: true };
const listeners = new Set<() => void>();
let current: DisplayPreferences = defaults;
/** The changes made on this page so far: an answer read before the latest one must not undo it. */
let changeCount = 0;

export function getDisplayPreferences(): DisplayPreferences {
  return current;
}

/** A mark of the changes made on this page up to now, to pass to `adoptDisplayPreferences`. */
export function displayPreferencesVersion(): number {
  return changeCount;
}

/**
 * The user's choices as the server answered them, asked for when `version` was taken. Ignored when
 * the person has changed something on this page since: that change is on its way to the server,
 * and the next answer will carry it.
 */
export function adoptDisplayPreferences(preferences: DisplayPreferences, version: number): void {
  if (version !== changeCount || (preferences.vat === current.vat && preferences.isRounded === current.isRounded)) return;
  current = { vat: preferences.vat, isRounded: preferences.isRounded };
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}

export function useDisplayPreferences(): DisplayPreferences & { set: (changes: Partial<DisplayPreferences>) => void } {
  const preferences = useSyncExternalStore(subscribe, getDisplayPreferences);
  const save = useMutation({
    // One save at a time, in the order made, so the server keeps the last choice. A failed save
    // leaves the choice on this page only (the next `me` brings the stored one back); a signed-out
    // session is handled by the query client, as for every request.
    scope: { id: 'display-preferences' },
    mutationFn: (changes: Partial<DisplayPreferences>) =>
      apiRequest('PATCH', '/api/auth/display-preferences', { body: changes, schema: displayPreferencesSchema }),
  });
  return {
    ...preferences,
    set: (changes) => {
      current = { ...current, ...changes };
      changeCount += 1;
      notify();
      save.mutate(changes);
    },
  };
}

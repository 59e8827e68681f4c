import { useSyncExternalStore } from 'react';

/**
 * How amounts are shown everywhere in the app: including or excluding VAT (the VAT switch of
 * docs/product/screens.md § Everywhere) and with or without display rounding
 * (docs/product/cost-model.md § Display rounding). A choice of the person, not of the plan, so it
 * is kept in this browser and outlives reloads, like the language.
 */
export type VatChoice = 'excl' | 'incl';
export interface DisplayPreferences {
  vat: VatChoice;
  isRounded: boolean;
}

const storageKey = 'kvarter.display';
const defaults: DisplayPreferences = { vat: 'excl', isRounded: false };
const listeners = new Set<() => void>();
let current: DisplayPreferences = readStored();

export function getDisplayPreferences(): DisplayPreferences {
  return current;
}

export function setDisplayPreferences(changes: Partial<DisplayPreferences>): void {
  current = { ...current, ...changes };
  try {
    localStorage.setItem(storageKey, JSON.stringify(current));
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDisplayPreferences(): DisplayPreferences & { set: typeof setDisplayPreferences } {
  const preferences = useSyncExternalStore(subscribe, getDisplayPreferences);
  return { ...preferences, set: setDisplayPreferences };
}

function readStored(): DisplayPreferences {
  try {
    const stored: unknown = JSON.parse(globalThis.localStorage?.getItem(storageKey) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return defaults;
    const { vat, isRounded } = stored as Record<string, unknown>;
    return {
      vat: vat === 'incl' ? 'incl' : 'excl',
      isRounded: isRounded === true,
    };
  } catch {
    return defaults;
  }
}

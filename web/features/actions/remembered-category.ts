/**
 * The category of the last action created in this browser tab: people tend to enter a plan one
 * building part at a time, so the next new action starts there. Kept for the tab only (session
 * storage): it is a convenience, not a preference.
 */
const storageKey = 'kvarter.lastActionCategory';

export function rememberCategory(category: string): void {
  try {
    sessionStorage.setItem(storageKey, category);
  } catch {
    // Storage can be unavailable (private mode); the form then starts without a category.
  }
}

export function rememberedCategory(): string | undefined {
  try {
    return sessionStorage.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

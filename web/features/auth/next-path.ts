/**
 * The `next` query parameter says where to return after sign-in. Only same-origin paths are
 * followed, so a crafted link cannot send the user to another site after they sign in.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

export function signInPathFor(returnPath: string): string {
  return `/signin?${new URLSearchParams({ next: returnPath }).toString()}`;
}

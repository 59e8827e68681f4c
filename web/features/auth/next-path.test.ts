import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPathFor } from './next-path.ts';

describe('safeNextPath', () => {
  it('follows a path on this site, with its query', () => {
    expect(safeNextPath('/accounts/1/members?x=1')).toBe('/accounts/1/members?x=1');
  });

  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'accounts'])('falls back to the start for %j', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('round-trips through the sign-in link', () => {
    const link = new URL(signInPathFor('/accounts/1/members?tab=a&b=c'), 'https://kvarter.test');
    expect(link.pathname).toBe('/signin');
    expect(safeNextPath(link.searchParams.get('next'))).toBe('/accounts/1/members?tab=a&b=c');
  });
});

import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './api-error.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('900', now)).toBe(900);
  });

  it('reads an HTTP date as the seconds until then', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable value', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

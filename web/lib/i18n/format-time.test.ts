import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatTimeAgo } from './format-time.ts';

const now = Date.parse('2026-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
const minute = 60_000;
const hour = 60 * minute;

describe('formatTimeAgo', () => {
  it('says how long ago in Swedish and English', () => {
    expect(formatTimeAgo(ago(3 * hour), 'sv', now)).toBe('för 3 timmar sedan');
    expect(formatTimeAgo(ago(3 * hour), 'en', now)).toBe('3 hours ago');
    expect(formatTimeAgo(ago(5 * minute + 59_000), 'sv', now)).toBe('för 5 minuter sedan');
  });

  it('counts hours up to two days, so the 26-hour limit reads exactly', () => {
    expect(formatTimeAgo(ago(27 * hour), 'sv', now)).toBe('för 27 timmar sedan');
    expect(formatTimeAgo(ago(72 * hour), 'en', now)).toBe('3 days ago');
  });

  it('reads a time in the future as now', () => {
    expect(formatTimeAgo(ago(-5 * minute), 'sv', now)).toBe('nu');
    expect(formatTimeAgo(ago(-5 * minute), 'en', now)).toBe('now');
  });
});

describe('formatDuration', () => {
  it('uses the largest whole unit', () => {
    expect(formatDuration(45, 'en')).toBe('45 seconds');
    expect(formatDuration(300, 'sv')).toBe('5 minuter');
    expect(formatDuration(7300, 'en')).toBe('2 hours');
  });
});

describe('formatBytes', () => {
  it('uses decimal units with one decimal', () => {
    expect(formatBytes(999, 'en')).toBe('999 byte');
    expect(formatBytes(123_456_789, 'sv')).toBe('123,5 MB');
    expect(formatBytes(1_234_000_000, 'en')).toBe('1.2 GB');
  });
});

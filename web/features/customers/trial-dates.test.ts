import { expect, it } from 'vitest';
import { dateInputValue, deletionDate, endOfDay } from './trial-dates.ts';

it('ends a chosen trial day at its last millisecond in the browser’s time zone', () => {
  const end = new Date(endOfDay('2027-01-31'));
  expect([end.getFullYear(), end.getMonth() + 1, end.getDate(), end.getHours(), end.getMinutes(), end.getMilliseconds()]).toEqual([2027, 1, 31, 23, 59, 999]);
});

it('offers a month after the trial’s end, or after today when it has none or has ended', () => {
  const now = new Date(2026, 11, 7, 12).getTime();
  expect(dateInputValue(new Date(2027, 0, 6, 12).toISOString(), now)).toBe('2027-02-05');
  expect(dateInputValue(null, now)).toBe('2027-01-06');
  expect(dateInputValue(new Date(2026, 10, 1).toISOString(), now)).toBe('2027-01-06');
});

it('dates a deletion the given number of days from now', () => {
  expect(deletionDate(183, Date.UTC(2026, 11, 7))).toBe('2027-06-08T00:00:00.000Z');
});

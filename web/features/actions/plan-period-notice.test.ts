import { describe, expect, it } from 'vitest';
import { planPeriodNoticeOf } from './plan-period-notice.ts';

const window = { startYear: 2026, endYear: 2055 };

describe('planPeriodNoticeOf', () => {
  it('says so when an unfinished action lies after or before the plan period', () => {
    expect(planPeriodNoticeOf('2070', 'planned', window)).toEqual({ key: 'actions.period.after', values: { year: '2070', start: '2026', end: '2055' } });
    expect(planPeriodNoticeOf(' 2056 ', 'urgent', window)).toEqual({ key: 'actions.period.after', values: { year: '2056', start: '2026', end: '2055' } });
    expect(planPeriodNoticeOf('2025', 'draft', window)).toEqual({ key: 'actions.period.before', values: { year: '2025', start: '2026', end: '2055' } });
  });

  it('says nothing inside the period, at its first and last year, for a done action, or before a whole year is typed', () => {
    expect(planPeriodNoticeOf('2026', 'planned', window)).toBeNull();
    expect(planPeriodNoticeOf('2055', 'planned', window)).toBeNull();
    expect(planPeriodNoticeOf('2070', 'done', window)).toBeNull();
    expect(planPeriodNoticeOf('2020', 'done', window)).toBeNull();
    expect(planPeriodNoticeOf('207', 'planned', window)).toBeNull();
    expect(planPeriodNoticeOf('', 'planned', window)).toBeNull();
    expect(planPeriodNoticeOf('20x0', 'planned', window)).toBeNull();
  });
});

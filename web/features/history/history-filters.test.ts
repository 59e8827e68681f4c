import { describe, expect, it } from 'vitest';
import { hasHistoryFilters, noHistoryFilters, parseHistoryFilters, writeHistoryFilters } from './history-filters.ts';

const userId = '0b9f5c3e-52a4-4a8e-9a39-3c1f0c6f1d2a';

describe('history filters in the search string', () => {
  it('reads what the API accepts and leaves out the rest', () => {
    expect(parseHistoryFilters(new URLSearchParams(`userId=${userId}&from=2026-01-01&to=2026-12-31&field=unitPrice`))).toEqual({
      userId,
      from: '2026-01-01',
      to: '2026-12-31',
      field: 'unitPrice',
    });
    expect(parseHistoryFilters(new URLSearchParams('userId=nobody&from=2026-13-01&to=yesterday&field=colour'))).toEqual(noHistoryFilters);
    expect(parseHistoryFilters(new URLSearchParams('field=fund.openingBalance')).field).toBe('fund.openingBalance');
  });

  it('writes the filters, removing empty ones and keeping other parameters', () => {
    const written = writeHistoryFilters(new URLSearchParams('field=year&other=1'), { ...noHistoryFilters, from: '2026-05-01' });
    expect(written.toString()).toBe('other=1&from=2026-05-01');
    expect(hasHistoryFilters(parseHistoryFilters(written))).toBe(true);
    expect(hasHistoryFilters(noHistoryFilters)).toBe(false);
  });
});

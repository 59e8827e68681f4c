import { describe, expect, it } from 'vitest';
import { formatAmount, formatNumber } from './format-amount.ts';

// Intl uses narrow no-break spaces as group separators in Swedish; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatAmount', () => {
  it('shows whole kronor, and öre only when there are any', () => {
    expect(plain(formatAmount(112200, 'sv'))).toBe('112 200 kr');
    expect(plain(formatAmount(131460.18, 'sv'))).toBe('131 460,18 kr');
    expect(plain(formatAmount(131460.18, 'en'))).toBe('SEK 131,460.18');
  });

  it('applies the display rounding of the cost model when asked', () => {
    expect(plain(formatAmount(131460.18, 'sv', true))).toBe('131 000 kr');
    expect(plain(formatAmount(999.6, 'sv', true))).toBe('1 000 kr');
    expect(plain(formatAmount(57, 'en', true))).toBe('SEK 60');
    expect(plain(formatAmount(-4, 'en', true))).toBe('-SEK 4');
  });
});

describe('formatNumber', () => {
  it('uses the language separators', () => {
    expect(plain(formatNumber(1234.5, 'sv'))).toBe('1 234,5');
    expect(plain(formatNumber(1234.5, 'en'))).toBe('1,234.5');
  });
});

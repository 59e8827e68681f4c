import { describe, expect, it } from 'vitest';
import { fileNameOf, reportPath } from './reports-api.ts';

describe('reportPath', () => {
  it('asks for the chosen VAT, language and rounding', () => {
    expect(reportPath('3f0c8a52-1d4e-4a7b-9c1e-2b5d6f7a8b9c', { vat: 'incl', language: 'en', isRounded: true })).toBe(
      '/api/plans/3f0c8a52-1d4e-4a7b-9c1e-2b5d6f7a8b9c/report.pdf?vat=incl&lang=en&rounded=true',
    );
    expect(reportPath('p', { vat: 'excl', language: 'sv', isRounded: false })).toBe('/api/plans/p/report.pdf?vat=excl&lang=sv&rounded=false');
  });
});

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, so å, ä, ö and the dash survive', () => {
    expect(fileNameOf(`attachment; filename="Underh_llsplan _ Plan.pdf"; filename*=UTF-8''Underh%C3%A5llsplan%20%E2%80%93%20Plan.pdf`)).toBe(
      'Underhållsplan – Plan.pdf',
    );
  });

  it('falls back to the plain name when the encoded one is missing or malformed, and to null without a header', () => {
    expect(fileNameOf('attachment; filename="Plan.pdf"')).toBe('Plan.pdf');
    expect(fileNameOf(`attachment; filename="Plan.pdf"; filename*=UTF-8''%E2%80`)).toBe('Plan.pdf');
    expect(fileNameOf(null)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './send-download.ts';

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 6266)', () => {
    expect(attachmentDisposition('tak.jpg')).toBe(`attachment; filename="tak.jpg"; filename*=UTF-8''tak.jpg`);
    expect(attachmentDisposition('Besiktning "Eken" 100%.pdf')).toBe(
      `attachment; filename="Besiktning _Eken_ 100_.pdf"; filename*=UTF-8''Besiktning%20%22Eken%22%20100%25.pdf`,
    );
    expect(attachmentDisposition('rör\\vvs;x.pdf')).toBe(`attachment; filename="r_r_vvs;x.pdf"; filename*=UTF-8''r%C3%B6r%5Cvvs%3Bx.pdf`);
  });
});

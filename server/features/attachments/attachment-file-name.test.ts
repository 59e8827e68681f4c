import { describe, expect, it } from 'vitest';
import { sanitiseFileName } from './attachment-file-name.ts';

describe('sanitiseFileName', () => {
  it.each([
    ['tak.jpg', 'tak.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\eva\\offert.pdf', 'offert.pdf'],
    ['dir/', 'file'],
    ['..', 'file'],
    [undefined, 'file'],
    ['  mellanslag.pdf  ', 'mellanslag.pdf'],
    ['tab\there.pdf', 'tabhere.pdf'],
    ['faktura\u202Efdp.exe', 'fakturafdp.exe'],
    ['a\u2066b\u2069.png', 'ab.png'],
    ['e\u0301.jpg', 'é.jpg'],
  ])('%j → %j', (input, expected) => {
    expect(sanitiseFileName(input)).toBe(expected);
  });

  it('cuts long names to 255 characters, keeping the extension', () => {
    expect(sanitiseFileName(`${'a'.repeat(400)}.pdf`)).toBe(`${'a'.repeat(251)}.pdf`);
    expect(Array.from(sanitiseFileName(`${'😀'.repeat(300)}.jpg`))).toHaveLength(255);
    expect(sanitiseFileName('b'.repeat(300))).toBe('b'.repeat(255));
  });
});

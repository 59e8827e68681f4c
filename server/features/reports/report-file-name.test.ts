import { describe, expect, it } from 'vitest';
import { reportFileName } from './report-file-name.ts';

describe('reportFileName', () => {
  it("names the file after the plan and the property, the title only when the plan's name does not say it, å, ä, ö kept", () => {
    expect(reportFileName('Underhållsplan', 'Underhållsplan 2026–2055', 'Brf Eken')).toBe('Underhållsplan 2026–2055 – Brf Eken.pdf');
    expect(reportFileName('Underhållsplan', 'Plan för 2026–2055', 'Åkern 3')).toBe('Underhållsplan – Plan för 2026–2055 – Åkern 3.pdf');
    expect(reportFileName('Maintenance plan', 'Maintenance plan 2030–2059', 'Oak Court')).toBe('Maintenance plan 2030–2059 – Oak Court.pdf');
    expect(reportFileName('Maintenance plan', 'Board plan', 'Oak Court')).toBe('Maintenance plan – Board plan – Oak Court.pdf');
  });

  it("says what the document is once in either language, whatever the case, and the property once when the plan's name holds it", () => {
    // The English report of a plan named in Swedish: the plan's name already says it.
    expect(reportFileName('Maintenance plan', 'Underhållsplan 2026–2055', 'Brf Eken')).toBe('Underhållsplan 2026–2055 – Brf Eken.pdf');
    expect(reportFileName('Underhållsplan', 'MAINTENANCE PLAN 2030', 'Oak Court')).toBe('MAINTENANCE PLAN 2030 – Oak Court.pdf');
    expect(reportFileName('Underhållsplan', 'UNDERHÅLLSPLANEN för Brf Eken', 'brf eken')).toBe('UNDERHÅLLSPLANEN för Brf Eken.pdf');
    // Decomposed å (a + ring) is the same letter.
    expect(reportFileName('Underhållsplan', 'Underha\u030allsplan 2026', 'Eken')).toBe('Underhållsplan 2026 – Eken.pdf');
  });

  it('replaces path separators, reserved and control characters, and drops leading dots', () => {
    expect(reportFileName('Maintenance plan', '../..\\etc/passwd', 'Eken')).toBe('Maintenance plan – .._.._etc_passwd – Eken.pdf');
    expect(reportFileName('Underhållsplan', 'Underhållsplan a<b>c:d"e|f?g*h\u0000i\u202ej', 'x/y')).toBe('Underhållsplan a_b_c_d_e_f_g_h_i_j – x_y.pdf');
    expect(reportFileName('Underhållsplan', '..Underhållsplan', '.hidden')).toBe('Underhållsplan – .hidden.pdf');
    expect(reportFileName('Underhållsplan', '  \t ', 'Eken\n1')).toBe('Underhållsplan – Eken 1.pdf');
  });

  it('keeps at most 120 characters before the extension, counting code points, with no separator left at the cut', () => {
    const name = reportFileName('Underhållsplan', 'å'.repeat(300), 'Eken');
    expect(Array.from(name)).toHaveLength(124);
    expect(name.endsWith('åå.pdf')).toBe(true);
    // "Underhållsplan – " and the plan's name are 119 characters; the cut at 120 leaves " " of " – Eken", which goes.
    expect(reportFileName('Underhållsplan', 'p'.repeat(102), 'Eken')).toBe(`Underhållsplan – ${'p'.repeat(102)}.pdf`);
  });
});

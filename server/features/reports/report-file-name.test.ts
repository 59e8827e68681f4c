import { describe, expect, it } from 'vitest';
import { reportFileName } from './report-file-name.ts';

describe('reportFileName', () => {
  it('names the file after the plan, å, ä, ö kept', () => {
    expect(reportFileName('Underhållsplan', 'Plan för 2026–2055')).toBe('Underhållsplan – Plan för 2026–2055.pdf');
  });

  it('replaces path separators, reserved and control characters, and drops leading dots', () => {
    expect(reportFileName('Maintenance plan', '../..\\etc/passwd')).toBe('Maintenance plan – _.._etc_passwd.pdf');
    expect(reportFileName('Underhållsplan', 'a<b>c:d"e|f?g*h\u0000i\u202ej')).toBe('Underhållsplan – a_b_c_d_e_f_g_h_i_j.pdf');
    expect(reportFileName('Underhållsplan', '  \t ')).toBe('Underhållsplan.pdf');
  });

  it('keeps at most 120 characters before the extension, counting code points', () => {
    const name = reportFileName('Underhållsplan', 'å'.repeat(300));
    expect(Array.from(name)).toHaveLength(124);
    expect(name.endsWith('åå.pdf')).toBe(true);
  });
});

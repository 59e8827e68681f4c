/**
 * Control and bidirectional characters (which can make a name read backwards in a file list), path
 * separators and the characters Windows refuses in file names.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;

/**
 * The download's file name, "<title> – <plan name>.pdf": white space (tabs, line breaks) as one
 * space, unsafe characters replaced by `_`, no leading dots, at most 120 characters before the
 * extension. The Content-Disposition header encodes it (attachmentDisposition).
 */
export function reportFileName(title: string, planName: string): string {
  const cleaned = planName
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(unsafeCharacters, '_')
    .trim()
    .replace(/^[.\s]+/, '');
  const base = cleaned === '' ? title : `${title} – ${cleaned}`;
  return `${Array.from(base).slice(0, 120).join('').trimEnd()}.pdf`;
}

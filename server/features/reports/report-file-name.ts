import { reportName } from './report-name.ts';

/**
 * Control and bidirectional characters (which can make a name read backwards in a file list), path
 * separators and the characters Windows refuses in file names.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;

/**
 * The download's file name, the report's name (reportName) with ".pdf": unsafe characters
 * replaced by `_`, no leading dots, at most 120 characters before the extension (and no " –"
 * left dangling where it is cut). The Content-Disposition header encodes it (attachmentDisposition).
 */
export function reportFileName(title: string, planName: string, propertyName: string): string {
  const safe = reportName(title, planName, propertyName)
    .replace(unsafeCharacters, '_')
    .replace(/^[.\s]+/, '');
  return `${Array.from(safe)
    .slice(0, 120)
    .join('')
    .replace(/[\s–]+$/, '')}.pdf`;
}

import { attachmentFileNameMaxLength } from '../../../shared/schemas/attachment.ts';

/**
 * Control characters, and the invisible bidirectional controls that can make `gpj.exe` read as
 * `exe.jpg` in a list.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name an uploaded file is shown with: its last path segment (browsers send bare names, but a
 * client may send `C:\\…\\x.pdf` or `../x.pdf`), without control or bidi characters, trimmed, in
 * Unicode NFC, at most 255 characters (code points, as PostgreSQL counts them). It is never used as
 * a path: files are stored under their id.
 */
export function sanitiseFileName(name: string | undefined, fallback = 'file'): string {
  const lastSegment = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment.normalize('NFC').replace(unsafeCharacters, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return fallback;
  const characters = Array.from(cleaned);
  if (characters.length <= attachmentFileNameMaxLength) return cleaned;
  // Keep the extension when the name is cut, so the file still opens with the right program.
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  if (extension.length > 0 && extension.length <= 16) {
    return [...characters.slice(0, attachmentFileNameMaxLength - extension.length), ...extension].join('').trim();
  }
  return characters.slice(0, attachmentFileNameMaxLength).join('');
}

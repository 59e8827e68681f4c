/** The server's limit for a logo (docs/product/screens.md § Branding page): PNG or JPEG of at most 500 kB. */
export const logoMaxBytes = 500 * 1024;
const logoTypes = ['image/png', 'image/jpeg'];

export type LogoProblem = 'branding.logo_type' | 'branding.logo_too_large';

/**
 * Checked before sending, so a wrong file is named at once instead of after its upload. The
 * browser's type comes from the file name; the server checks the first bytes again.
 */
export function checkLogoFile(file: { type: string; size: number }): LogoProblem | null {
  if (!logoTypes.includes(file.type)) return 'branding.logo_type';
  if (file.size > logoMaxBytes) return 'branding.logo_too_large';
  return null;
}

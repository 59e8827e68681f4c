import { brandingLogoContentTypes, brandingLogoMaxBytes } from '../../../shared/schemas/branding.ts';

export type LogoProblem = 'branding.logo_type' | 'branding.logo_too_large';

/**
 * Checked before sending, so a wrong file is named at once instead of after its upload. The
 * browser's type comes from the file name; the server checks the first bytes again.
 */
export function checkLogoFile(file: { type: string; size: number }): LogoProblem | null {
  if (!brandingLogoContentTypes.some((type) => type === file.type)) return 'branding.logo_type';
  if (file.size > brandingLogoMaxBytes) return 'branding.logo_too_large';
  return null;
}

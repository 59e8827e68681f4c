import { describe, expect, it } from 'vitest';
import { brandingLogoMaxBytes as logoMaxBytes } from '../../../shared/schemas/branding.ts';
import { checkLogoFile } from './check-logo-file.ts';

describe('checkLogoFile', () => {
  it('takes a PNG or a JPEG up to the limit', () => {
    expect(checkLogoFile({ type: 'image/png', size: 1 })).toBeNull();
    expect(checkLogoFile({ type: 'image/jpeg', size: logoMaxBytes })).toBeNull();
  });

  it('refuses another type, whatever its size', () => {
    expect(checkLogoFile({ type: 'image/svg+xml', size: 10 })).toBe('branding.logo_type');
    expect(checkLogoFile({ type: 'image/gif', size: logoMaxBytes + 1 })).toBe('branding.logo_type');
    expect(checkLogoFile({ type: '', size: 10 })).toBe('branding.logo_type');
  });

  it('refuses a file one byte over the limit', () => {
    expect(checkLogoFile({ type: 'image/png', size: logoMaxBytes + 1 })).toBe('branding.logo_too_large');
  });
});

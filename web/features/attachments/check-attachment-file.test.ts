import { describe, expect, it } from 'vitest';
import { checkAttachmentFile } from './check-attachment-file.ts';

const limits = { maxBytes: 20 * 1024 * 1024, contentTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] as const };

describe('checkAttachmentFile', () => {
  it.each([
    [{ name: 'tak.jpg', size: 1, type: 'image/jpeg' }, undefined],
    [{ name: 'offert.pdf', size: 20 * 1024 * 1024, type: 'application/pdf' }, undefined],
    [{ name: 'IMG_0001.HEIC', size: 100, type: '' }, undefined],
    [{ name: 'IMG_0001.heif', size: 100, type: 'image/heif' }, undefined],
    [{ name: 'scan.PDF', size: 100, type: 'application/octet-stream' }, undefined],
    [{ name: 'tom.pdf', size: 0, type: 'application/pdf' }, 'empty'],
    [{ name: 'stor.pdf', size: 20 * 1024 * 1024 + 1, type: 'application/pdf' }, 'too_large'],
    [{ name: 'sida.html', size: 10, type: 'text/html' }, 'type_not_allowed'],
    [{ name: 'faktura.pdf', size: 10, type: 'text/html' }, 'type_not_allowed'],
    [{ name: 'program.exe', size: 10, type: 'application/x-msdownload' }, 'type_not_allowed'],
    [{ name: 'README', size: 10, type: '' }, 'type_not_allowed'],
    [{ name: 'bild.gif', size: 10, type: 'image/gif' }, 'type_not_allowed'],
  ])('%j → %s', (file, problem) => {
    expect(checkAttachmentFile(file, { ...limits, contentTypes: [...limits.contentTypes] })).toBe(problem);
  });

  it('checks type and emptiness before the limits are known, but not the size', () => {
    expect(checkAttachmentFile({ name: 'stor.pdf', size: 10 ** 12, type: 'application/pdf' }, undefined)).toBeUndefined();
    expect(checkAttachmentFile({ name: 'x.svg', size: 10, type: 'image/svg+xml' }, undefined)).toBe('type_not_allowed');
  });
});

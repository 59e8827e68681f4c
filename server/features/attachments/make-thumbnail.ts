import sharp, { type Sharp } from 'sharp';
import { thumbnailMaxSidePixels, type PhotoContentType } from '../../../shared/schemas/attachment.ts';
import { decodeHeic } from './decode-heic.ts';

export const thumbnailContentType = 'image/webp';

/**
 * Photos with more pixels than this get no thumbnail: a guard against decompression bombs (a small
 * file that claims a huge image), checked from the file's header before anything is decoded. 64
 * megapixels leaves room for 48-megapixel phone cameras (8 064 × 6 048); decoding one to RGBA, as
 * the HEIC decoder does, takes about 4 bytes a pixel.
 */
export const maxPhotoPixels = 64 * 1024 * 1024;

/**
 * A photo's thumbnail: upright (EXIF orientation applied), at most `thumbnailMaxSidePixels` on its
 * longer side and never enlarged, as WebP without the photo's metadata (no GPS position, no
 * camera serial number). sharp does its work on libuv's threads, HEIC is decoded in a worker
 * thread, so the event loop is never held for long. Rejects when the photo cannot be decoded.
 */
export async function makeThumbnail(photo: Buffer, contentType: PhotoContentType): Promise<Buffer> {
  return (await openPhoto(photo, contentType))
    .resize(thumbnailMaxSidePixels, thumbnailMaxSidePixels, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
}

async function openPhoto(photo: Buffer, contentType: PhotoContentType): Promise<Sharp> {
  if (contentType === 'image/heic') {
    // sharp's libvips reads HEIF only with AV1 inside (AVIF), not the HEVC of HEIC.
    const { width, height, pixels } = await decodeHeic(photo, maxPhotoPixels);
    return sharp(pixels, { raw: { width, height, channels: 4 } });
  }
  // The default failOn ('warning') refuses damaged pixel data, as sharp advises for untrusted input.
  return sharp(photo, { limitInputPixels: maxPhotoPixels, autoOrient: true });
}

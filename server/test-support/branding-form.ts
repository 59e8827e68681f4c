import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { multipartBody, type FilePart } from './attachment-uploads.ts';
import type { TestClient } from './test-app.ts';

/** A real PNG logo, 240 × 80 pixels of one colour: something the report's PDF library can draw. */
export function makeLogo(format: 'png' | 'jpeg' = 'png', size = { width: 240, height: 80 }): Promise<Buffer> {
  const image = sharp({ create: { ...size, channels: 3, background: { r: 29, g: 79, b: 145 } } });
  return (format === 'png' ? image.png() : image.jpeg()).toBuffer();
}

/** PUTs an account's branding as the web form does: text fields, and a logo when given. */
export function putBranding(
  client: TestClient,
  accountId: string,
  fields: Record<string, string>,
  logo?: Omit<FilePart, 'field'>,
): Promise<LightMyRequestResponse> {
  const parts = [...Object.entries(fields).map(([field, value]) => ({ field, value })), ...(logo ? [{ ...logo, field: 'logo' }] : [])];
  const { body, contentType } = multipartBody(parts);
  return client.request('PUT', `/api/accounts/${accountId}/branding`, body, { 'content-type': contentType });
}

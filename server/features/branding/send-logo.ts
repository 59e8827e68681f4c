import type { FastifyReply } from 'fastify';
import { sandboxPolicy } from '../../http/send-download.ts';

/**
 * Sends a logo inline (the header and the share view show it in an <img>), with nothing in it
 * allowed to run. Asked for with its current version (`?v=`, from the branding's `logoUrl`), it
 * may be kept for a year, since a changed logo gets a new address; otherwise it is checked each time.
 */
export function sendLogo(reply: FastifyReply, logo: { bytes: Buffer; contentType: string; version: string }, requestedVersion: string | undefined) {
  return reply
    .header('content-type', logo.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', sandboxPolicy)
    .header('cache-control', requestedVersion === logo.version ? 'private, max-age=31536000, immutable' : 'private, no-cache')
    .send(logo.bytes);
}

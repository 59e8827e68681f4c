import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { attachmentLimitsSchema, attachmentListSchema, attachmentSchema } from '../../../shared/schemas/attachment.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { sandboxPolicy, sendDownload } from '../../http/send-download.ts';
import { createAttachmentStorage } from './attachment-storage.ts';
import { createAttachmentThumbnails } from './attachment-thumbnails.ts';
import {
  createAttachment,
  deleteAttachment,
  getAttachmentLimits,
  listAttachments,
  openAttachmentContent,
  openAttachmentThumbnail,
  type AttachmentDeps,
} from './attachments.service.ts';
import { thumbnailContentType } from './make-thumbnail.ts';
import { receiveUpload } from './receive-upload.ts';
import { scheduleOrphanSweep } from './sweep-orphan-attachment-files.ts';

type IdParams = { Params: { id: string } };

/**
 * The attachment routes, with multipart parsing registered for the upload route only (every
 * other route keeps answering 415 to anything but JSON), and the hourly orphan-file sweep.
 */
export async function registerAttachmentRoutes(app: FastifyInstance, baseDeps: Deps): Promise<void> {
  const storage = createAttachmentStorage(baseDeps.config.dataDir, baseDeps.config.attachments);
  const deps: AttachmentDeps = { ...baseDeps, storage, thumbnails: createAttachmentThumbnails(storage, baseDeps.log) };
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get('/api/attachments/limits', async (request, reply) => {
    await actorOf(request);
    return respond(reply, attachmentLimitsSchema, getAttachmentLimits(deps));
  });

  app.get<IdParams>('/api/actions/:id/attachments', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, attachmentListSchema, await listAttachments(deps, actor, parseId(request.params.id, 'Action')));
  });

  await app.register(async (uploads) => {
    // One file and no other field; fileSize one byte over the limit, so an oversized file is seen as such.
    await uploads.register(fastifyMultipart, { limits: { files: 1, fields: 0, fileSize: deps.config.attachments.maxBytes + 1 } });
    uploads.post<IdParams>('/api/actions/:id/attachments', async (request, reply) => {
      const actor = await actorOf(request);
      const actionId = parseId(request.params.id, 'Action');
      const attachment = await createAttachment(deps, actor, actionId, (directory, maxBytes) => receiveUpload(request, directory, maxBytes));
      return respond(reply, attachmentSchema, attachment, 201);
    });
  });

  app.get<IdParams>('/api/attachments/:id/content', async (request, reply) => {
    const actor = await actorOf(request);
    const { attachment, content } = await openAttachmentContent(deps, actor, parseId(request.params.id, 'Attachment'));
    return sendDownload(reply, { fileName: attachment.fileName, contentType: attachment.contentType, content, sizeBytes: attachment.sizeBytes });
  });

  app.get<IdParams>('/api/attachments/:id/thumbnail', async (request, reply) => {
    const actor = await actorOf(request);
    const thumbnail = await openAttachmentThumbnail(deps, actor, parseId(request.params.id, 'Attachment'));
    // Made by us from the photo, so it may be shown inline; an id's thumbnail never changes, so the
    // browser may keep it, privately, for a week: the list and the viewer do not ask twice.
    return reply
      .header('content-type', thumbnailContentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', sandboxPolicy)
      .header('cache-control', 'private, max-age=604800, immutable')
      .send(thumbnail);
  });

  app.delete<IdParams>('/api/attachments/:id', async (request, reply) => {
    const actor = await actorOf(request);
    await deleteAttachment(deps, actor, parseId(request.params.id, 'Attachment'));
    return reply.status(204).send();
  });

  let stopSweep: (() => void) | undefined;
  app.addHook('onReady', async () => {
    stopSweep = scheduleOrphanSweep(deps.db, storage, deps.log);
  });
  app.addHook('onClose', async () => {
    stopSweep?.();
  });
}

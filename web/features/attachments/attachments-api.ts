import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  attachmentFileField,
  attachmentLimitsSchema,
  attachmentListSchema,
  attachmentSchema,
  isPhotoContentType,
  type Attachment,
} from '../../../shared/schemas/attachment.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { uploadFile, type UploadProgress } from '../../lib/api/upload-file.ts';

function attachmentsQueryKey(actionId: string) {
  return ['actions', actionId, 'attachments'] as const;
}

const attachmentsPath = (actionId: string) => `/api/actions/${encodeURIComponent(actionId)}/attachments`;

/** Where the browser downloads an attachment (always as a file, never shown on our origin). */
export function attachmentContentPath(attachmentId: string): string {
  return `/api/attachments/${encodeURIComponent(attachmentId)}/content`;
}

/**
 * A photo's thumbnail (WebP, at most 320 px), shown inline: the server made it from the photo and
 * it carries nothing that could run. PDFs have none.
 */
export function attachmentThumbnailPath(attachmentId: string): string {
  return `/api/attachments/${encodeURIComponent(attachmentId)}/thumbnail`;
}

/** The action's attachments, oldest first. */
export function useAttachments(actionId: string) {
  return useQuery({
    queryKey: attachmentsQueryKey(actionId),
    queryFn: () => apiRequest('GET', attachmentsPath(actionId), { schema: attachmentListSchema }),
  });
}

/** The action's photos (the attachments that are photos), oldest first; empty while they load. */
export function useActionPhotos(actionId: string): Attachment[] {
  const attachments = useAttachments(actionId);
  return useMemo(() => (attachments.data ?? []).filter((attachment) => isPhotoContentType(attachment.contentType)), [attachments.data]);
}

/** The server's size limit and file types; they change only when the server is reconfigured. */
export function useAttachmentLimits() {
  return useQuery({
    queryKey: ['attachments', 'limits'],
    queryFn: () => apiRequest('GET', '/api/attachments/limits', { schema: attachmentLimitsSchema }),
    staleTime: Infinity,
  });
}

export function useUploadAttachment(actionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress, signal }: { file: File; onProgress: (progress: UploadProgress) => void; signal: AbortSignal }) =>
      uploadFile(attachmentsPath(actionId), file, { fieldName: attachmentFileField, schema: attachmentSchema, onProgress, signal }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(actionId) }),
  });
}

export function useDeleteAttachment(actionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => apiRequest('DELETE', `/api/attachments/${encodeURIComponent(attachmentId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(actionId) }),
  });
}

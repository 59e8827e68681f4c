import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commentListSchema, commentSchema, type CreateCommentRequest } from '../../../shared/schemas/comment.ts';
import { apiRequest } from '../../lib/api/api-client.ts';

function commentsQueryKey(actionId: string) {
  return ['actions', actionId, 'comments'] as const;
}

const commentsPath = (actionId: string) => `/api/actions/${encodeURIComponent(actionId)}/comments`;

/** The action's comments, oldest first. */
export function useComments(actionId: string) {
  return useQuery({
    queryKey: commentsQueryKey(actionId),
    queryFn: () => apiRequest('GET', commentsPath(actionId), { schema: commentListSchema }),
  });
}

export function useAddComment(actionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentRequest) => apiRequest('POST', commentsPath(actionId), { body, schema: commentSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsQueryKey(actionId) }),
  });
}

export function useDeleteComment(actionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => apiRequest('DELETE', `/api/comments/${encodeURIComponent(commentId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsQueryKey(actionId) }),
  });
}

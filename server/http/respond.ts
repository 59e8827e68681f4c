import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/**
 * Sends a response through its shared zod schema: responses are an allowlist, so a column added
 * to a query can never leak to clients by accident (password hashes, internal ids…).
 */
export function respond<Schema extends z.ZodType>(reply: FastifyReply, schema: Schema, data: z.input<Schema>, status = 200) {
  return reply.status(status).send(schema.parse(data));
}

import type { FastifyReply } from 'fastify';
import type { StoredResponse } from '@server/modules/idempotency/idempotency.ts';

/** Sends what an idempotent operation answered, saying so when it is a replay. */
export function sendStored<T>(reply: FastifyReply, result: StoredResponse<T>) {
  if (result.replayed) {
    reply.header('idempotent-replayed', 'true');
  }

  return reply.status(result.statusCode).send(result.body);
}

import type { Tx } from '@server/db/transaction.ts';

/** Topics other systems subscribe to. Messages are written in the same transaction as the change. */
export type OutboxTopic = 'protocol.statusChanged';

export function createOutboxRepository() {
  return {
    async enqueue(
      tx: Tx,
      topic: OutboxTopic,
      aggregateId: string,
      payload: Record<string, unknown>,
    ) {
      await tx
        .insertInto('outbox')
        .values({ topic, aggregateId, payload: JSON.stringify(payload) })
        .execute();
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;

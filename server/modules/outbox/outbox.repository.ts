import { sql } from 'kysely';
import type { Tx } from '@server/db/transaction.ts';
import { confirmationCodeOf } from '@server/modules/outbox/confirmation-codes.ts';
import { enqueueSubmission } from '@server/modules/outbox/outbox.submission.ts';
import type { ProtocolStatus } from '@shared/protocol/lifecycle.ts';

/** Topics other systems subscribe to. Messages are written in the same transaction as the change. */
export type OutboxTopic = 'protocol.statusChanged';

/** Subscribers of the outbox; each tracks its own deliveries in `outbox_deliveries`. */
export type OutboxSubscriber = 'partnerCallback' | 'partnerSubmission';

/**
 * The outbox is shared by every consumer (partner callbacks now, ERP billing later), so delivery
 * is tracked per (outbox row, subscriber) in `outbox_deliveries` rather than by the row's own
 * `delivered_at` (left unused). A subscriber's rows are created in the same transaction as the
 * message, and only for messages it cares about: a protocol without a partner never gets a
 * partner-callback row, so it cannot clog that queue.
 */
export function createOutboxRepository() {
  return {
    async enqueue(
      tx: Tx,
      topic: OutboxTopic,
      aggregateId: string,
      payload: Record<string, unknown>,
    ) {
      const row = await tx
        .insertInto('outbox')
        .values({ topic, aggregateId, payload: JSON.stringify(payload) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await enqueueSubmission(tx, row.id, aggregateId, payload);
      const reason = typeof payload.reason === 'string' ? payload.reason : null;
      const code = confirmationCodeOf(payload.toStatus as ProtocolStatus, reason);
      if (topic !== 'protocol.statusChanged' || code === null) {
        return;
      }

      // Only protocols registered by a partner are called back; the time is the change's own.
      const occurredAt = typeof payload.occurredAt === 'string' ? payload.occurredAt : null;
      await tx
        .insertInto('outboxDeliveries')
        .columns([
          'outboxId',
          'subscriber',
          'protocolId',
          'partnerId',
          'status',
          'nextAttemptAt',
          'createdAt',
        ])
        .expression((eb) =>
          eb
            .selectFrom('protocols')
            .select([
              sql<number>`${row.id}::bigint`.as('outboxId'),
              sql<string>`${'partnerCallback'}::text`.as('subscriber'),
              'id',
              'partnerId',
              sql<string>`${'pending'}::text`.as('status'),
              sql<Date>`coalesce(${occurredAt}::timestamptz, now())`.as('nextAttemptAt'),
              sql<Date>`coalesce(${occurredAt}::timestamptz, now())`.as('createdAt'),
            ])
            .where('id', '=', aggregateId)
            .where('partnerId', 'is not', null),
        )
        .execute();
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;

import { sql } from 'kysely';
import type { Database } from '@server/db/database.ts';
import type { Tx } from '@server/db/transaction.ts';
import type { OutboxSubscriber } from '@server/modules/outbox/outbox.repository.ts';

type Reader = Database | Tx;

/** What one claimed delivery needs: the message, the protocol and where to send it. */
export type ClaimedDelivery = {
  id: number;
  outboxId: number;
  protocolId: string;
  partnerId: string | null;
  attempts: number;
  createdAt: Date;
  payload: Record<string, unknown>;
  confirmationUrl: string | null;
  webhookSecretVersion: number | null;
};

export type DeliveryOutcome =
  | { kind: 'delivered'; statusCode: number }
  | { kind: 'retry'; statusCode: number | null; error: string; nextAttemptAt: Date }
  | { kind: 'failed'; statusCode: number | null; error: string };

export type DeliveryFilter = { partnerId: string; protocolCode?: string; limit: number };

export function createDeliveryRepository() {
  return {
    /**
     * Claims due deliveries of one subscriber and leases them until `leaseUntil`: other workers
     * skip locked rows, and a worker that dies leaves the row to be retried when the lease ends.
     * A delivery waits while an earlier one of the same protocol is not delivered, so events
     * reach the subscriber in order per protocol.
     */
    async claimDue(
      tx: Tx,
      subscriber: OutboxSubscriber,
      now: Date,
      leaseUntil: Date,
      limit: number,
    ): Promise<ClaimedDelivery[]> {
      const result = await sql<ClaimedDelivery>`
        with due as (
          select d.id from outbox_deliveries d
          where d.subscriber = ${subscriber} and d.status = 'pending'
            and d.next_attempt_at <= ${now}
            and not exists (
              select 1 from outbox_deliveries earlier
              where earlier.subscriber = d.subscriber and earlier.protocol_id = d.protocol_id
                and earlier.outbox_id < d.outbox_id and earlier.status <> 'delivered'
            )
          order by d.next_attempt_at, d.id
          limit ${limit}
          for update of d skip locked
        )
        update outbox_deliveries d set next_attempt_at = ${leaseUntil}
        from due, outbox o, partners p
        where d.id = due.id and o.id = d.outbox_id and p.id = d.partner_id
        returning d.id, d.outbox_id as "outboxId", d.protocol_id as "protocolId",
          d.partner_id as "partnerId", d.attempts, d.created_at as "createdAt", o.payload,
          p.confirmation_url as "confirmationUrl",
          p.webhook_secret_version as "webhookSecretVersion"
      `.execute(tx);

      return result.rows.map((row) => ({
        ...row,
        id: Number(row.id),
        outboxId: Number(row.outboxId),
        payload:
          typeof row.payload === 'string'
            ? (JSON.parse(row.payload) as Record<string, unknown>)
            : row.payload,
      }));
    },

    /** Records one attempt and what it means for the delivery, in one transaction. */
    async record(
      tx: Tx,
      deliveryId: number,
      at: Date,
      durationMs: number,
      outcome: DeliveryOutcome,
    ) {
      const statusCode = outcome.statusCode;
      const error = outcome.kind === 'delivered' ? null : outcome.error;
      await tx
        .insertInto('outboxDeliveryAttempts')
        .values({ deliveryId, attemptedAt: at, statusCode, error, durationMs })
        .execute();
      await tx
        .updateTable('outboxDeliveries')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          lastAttemptAt: at,
          lastError: error,
          status: outcome.kind === 'retry' ? 'pending' : outcome.kind,
          deliveredAt: outcome.kind === 'delivered' ? at : null,
          ...(outcome.kind === 'retry' ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
        }))
        .where('id', '=', deliveryId)
        .execute();
    },

    /** Puts a delivery back in the queue, due now; its earlier attempts stay in the log. */
    async replay(db: Reader, deliveryId: number, now: Date) {
      const row = await db
        .updateTable('outboxDeliveries')
        .set({ status: 'pending', nextAttemptAt: now, deliveredAt: null })
        .where('id', '=', deliveryId)
        .returning(['id'])
        .executeTakeFirst();

      return row !== undefined;
    },

    findPartnerOf(db: Reader, deliveryId: number) {
      return db
        .selectFrom('outboxDeliveries')
        .select(['id', 'partnerId'])
        .where('id', '=', deliveryId)
        .executeTakeFirst();
    },

    /** Every attempt of the given deliveries, oldest first: the log behind each delivery. */
    attemptLogs(db: Reader, deliveryIds: number[]) {
      if (deliveryIds.length === 0) {
        return Promise.resolve([]);
      }

      return db
        .selectFrom('outboxDeliveryAttempts')
        .select(['deliveryId', 'attemptedAt', 'statusCode', 'error', 'durationMs'])
        .where('deliveryId', 'in', deliveryIds)
        .orderBy('id')
        .execute();
    },

    /** The delivery log of one partner, newest first, optionally for one protocol. */
    async list(db: Reader, filter: DeliveryFilter) {
      let query = db
        .selectFrom('outboxDeliveries as d')
        .innerJoin('outbox as o', 'o.id', 'd.outboxId')
        .innerJoin('protocols as p', 'p.id', 'd.protocolId')
        .select([
          'd.id',
          'd.subscriber',
          'd.status',
          'd.attempts',
          'd.nextAttemptAt',
          'd.lastAttemptAt',
          'd.lastError',
          'd.deliveredAt',
          'd.createdAt',
          'p.code as protocolCode',
          'o.payload',
        ])
        .where('d.partnerId', '=', filter.partnerId);
      if (filter.protocolCode) {
        query = query.where('p.code', '=', filter.protocolCode);
      }
      const rows = await query.orderBy('d.id', 'desc').limit(filter.limit).execute();
      const attempts =
        rows.length === 0
          ? []
          : await db
              .selectFrom('outboxDeliveryAttempts')
              .selectAll()
              .where(
                'deliveryId',
                'in',
                rows.map((row) => row.id),
              )
              .orderBy('id')
              .execute();

      return rows.map((row) => ({
        ...row,
        attemptLog: attempts.filter((attempt) => Number(attempt.deliveryId) === Number(row.id)),
      }));
    },
  };
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>;

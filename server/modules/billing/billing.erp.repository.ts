import { sql } from 'kysely';
import type { Database } from '@server/db/database.ts';
import type { Tx } from '@server/db/transaction.ts';
import { createDeliveryRepository } from '@server/modules/outbox/outbox.deliveries.repository.ts';

type Reader = Database | Tx;

/** The outbox subscriber that carries issued statements to the ERP. */
export const ERP_SUBSCRIBER = 'erpBilling';

export type ClaimedStatementDelivery = {
  id: number;
  statementId: string;
  attempts: number;
  createdAt: Date;
};

export type ErpAcknowledgement = {
  accepted: boolean;
  erpReference: string | null;
  totalCents: number | null;
  message: string | null;
};

/**
 * The ERP's side of the outbox: a statement's message and delivery row are written in the
 * transaction that issues it; attempts and their log go through the shared deliveries repository.
 */
export function createErpDeliveryRepository() {
  return {
    async enqueue(tx: Tx, statementId: string, payload: Record<string, unknown>, at: Date) {
      const message = await tx
        .insertInto('outbox')
        .values({
          topic: 'billing.statementIssued',
          aggregateId: statementId,
          payload: JSON.stringify(payload),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('outboxDeliveries')
        .values({
          outboxId: message.id,
          subscriber: ERP_SUBSCRIBER,
          protocolId: null,
          partnerId: null,
          statementId,
          status: 'pending',
          nextAttemptAt: at,
          createdAt: at,
        })
        .execute();
    },

    /**
     * Claims due statement deliveries and leases them until `leaseUntil`, skipping rows another
     * server holds, so several workers never send the same attempt twice at once.
     */
    async claimDue(tx: Tx, now: Date, leaseUntil: Date, limit: number) {
      const result = await sql<ClaimedStatementDelivery>`
        with due as (
          select d.id from outbox_deliveries d
          where d.subscriber = ${ERP_SUBSCRIBER} and d.status = 'pending'
            and d.next_attempt_at <= ${now}
          order by d.next_attempt_at, d.id
          limit ${limit}
          for update of d skip locked
        )
        update outbox_deliveries d set next_attempt_at = ${leaseUntil}
        from due where d.id = due.id
        returning d.id, d.statement_id as "statementId", d.attempts, d.created_at as "createdAt"
      `.execute(tx);

      return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
    },

    async recordAcknowledgement(
      tx: Tx,
      statementId: string,
      deliveryId: number,
      at: Date,
      ack: ErpAcknowledgement,
    ) {
      await tx
        .insertInto('statementAcknowledgements')
        .values({ statementId, deliveryId, receivedAt: at, ...ack })
        .execute();
    },

    /** The delivery log of one statement, with every attempt. */
    async list(db: Reader, statementId: string) {
      const rows = await db
        .selectFrom('outboxDeliveries')
        .select([
          'id',
          'status',
          'attempts',
          'nextAttemptAt',
          'lastAttemptAt',
          'lastError',
          'deliveredAt',
          'createdAt',
        ])
        .where('statementId', '=', statementId)
        .where('subscriber', '=', ERP_SUBSCRIBER)
        .orderBy('id')
        .execute();
      const attempts = await createDeliveryRepository().attemptLogs(
        db,
        rows.map((row) => Number(row.id)),
      );

      return rows.map((row) => ({
        ...row,
        id: Number(row.id),
        attemptLog: attempts.filter((attempt) => Number(attempt.deliveryId) === Number(row.id)),
      }));
    },

    findDelivery(db: Reader, deliveryId: number) {
      return db
        .selectFrom('outboxDeliveries')
        .select(['id', 'statementId'])
        .where('id', '=', deliveryId)
        .where('subscriber', '=', ERP_SUBSCRIBER)
        .executeTakeFirst();
    },
  };
}

export type ErpDeliveryRepository = ReturnType<typeof createErpDeliveryRepository>;

import { sql } from 'kysely';
import type { Tx } from '@server/db/transaction.ts';

/**
 * Queues the submission of a hosted form's data to the client's partner API (issue #6), in the
 * same transaction as the change: when the protocol is created, and when a pre-attendance is
 * completed at the counter (its data may have been corrected). Only services with a
 * submission URL get a row, so every other protocol costs one insert that selects nothing.
 */
export async function enqueueSubmission(
  tx: Tx,
  outboxId: number,
  protocolId: string,
  payload: Record<string, unknown>,
) {
  const created = payload.fromStatus === null;
  const completed = payload.fromStatus === 'preAttendance' && payload.toStatus === 'pending';
  if (!created && !completed) {
    return;
  }
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
        .selectFrom('protocols as p')
        .innerJoin('partnerServiceHooks as h', 'h.serviceId', 'p.serviceId')
        .select([
          sql<number>`${outboxId}::bigint`.as('outboxId'),
          sql<string>`${'partnerSubmission'}::text`.as('subscriber'),
          'p.id',
          'h.partnerId',
          sql<string>`${'pending'}::text`.as('status'),
          sql<Date>`coalesce(${occurredAt}::timestamptz, now())`.as('nextAttemptAt'),
          sql<Date>`coalesce(${occurredAt}::timestamptz, now())`.as('createdAt'),
        ])
        .where('p.id', '=', protocolId)
        .where('p.formDataSealed', 'is not', null)
        .where('h.submissionUrl', 'is not', null),
    )
    .execute();
}

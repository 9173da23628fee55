import type { AppContext } from '@server/context.ts';
import { inTransaction } from '@server/db/transaction.ts';
import { SYSTEM_ACTOR, type ProtocolHistory } from '@server/modules/protocol/protocol.history.ts';
import type { ProtocolRepository } from '@server/modules/protocol/protocol.repository.ts';

const BATCH = 200;

/**
 * Marks pre-attendances past their service's expiry as expired. Rows are taken with SKIP LOCKED,
 * so several servers may run this at the same moment without expiring anything twice.
 */
export function createExpiryService(
  ctx: AppContext,
  deps: { protocols: ProtocolRepository; history: ProtocolHistory },
) {
  async function expireBatch(now: Date): Promise<number> {
    return inTransaction(ctx.db, async (tx) => {
      const due = await deps.protocols.lockDueForExpiry(tx, now, BATCH);
      for (const row of due) {
        await deps.history.transition(
          tx,
          row,
          'expire',
          { actor: SYSTEM_ACTOR, reason: 'expiryDate' },
          now,
        );
      }

      return due.length;
    });
  }

  return {
    async expireDue(): Promise<{ expired: number }> {
      const now = ctx.clock.now();
      let expired = 0;
      for (;;) {
        const count = await expireBatch(now);
        expired += count;
        if (count < BATCH) {
          break;
        }
      }
      if (expired > 0) {
        ctx.logger.info({ event: 'pre_attendances_expired', expired }, 'pre-attendances expired');
      }

      return { expired };
    },
  };
}

export type ExpiryService = ReturnType<typeof createExpiryService>;

import { sql } from 'kysely';
import type { Tx } from '@server/db/transaction.ts';

export function createIdempotencyRepository() {
  return {
    /**
     * Takes a transaction-scoped advisory lock on the key; false when another transaction holds
     * it, i.e. the same request is being processed right now.
     */
    async tryLock(tx: Tx, scope: string, key: string): Promise<boolean> {
      const result = await sql<{ locked: boolean }>`
        select pg_try_advisory_xact_lock(hashtextextended(${`${scope}\n${key}`}, 0)) as locked
      `.execute(tx);

      return result.rows[0]?.locked === true;
    },

    find(tx: Tx, scope: string, key: string) {
      return tx
        .selectFrom('idempotencyKeys')
        .select(['requestHash', 'statusCode', 'responseBody'])
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirst();
    },

    async save(
      tx: Tx,
      row: {
        scope: string;
        key: string;
        requestHash: string;
        statusCode: number;
        responseBody: object;
      },
    ) {
      await tx
        .insertInto('idempotencyKeys')
        .values({ ...row, responseBody: JSON.stringify(row.responseBody) })
        .execute();
    },
  };
}

export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;

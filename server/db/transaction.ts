import type { Transaction } from 'kysely';
import type { Database } from '@server/db/database.ts';
import type { DB } from '@server/db/schema.ts';

export type Tx = Transaction<DB>;

/** PostgreSQL's codes for a transaction that lost a race and may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;

  return typeof code === 'string' && RETRYABLE.has(code);
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const failure = error as { code?: unknown; constraint?: unknown } | null;
  if (failure?.code !== '23505') {
    return false;
  }

  return constraint === undefined || failure.constraint === constraint;
}

/**
 * Runs `work` in one transaction; serialization failures and deadlocks are retried with a short
 * jittered backoff instead of reaching the caller.
 */
export async function inTransaction<T>(
  db: Database,
  work: (tx: Tx) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!isRetryable(error) || attempt >= attempts) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

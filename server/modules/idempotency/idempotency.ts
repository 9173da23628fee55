import { createHash } from 'node:crypto';
import { canonicalJson } from '@server/canonical-json.ts';
import type { Database } from '@server/db/database.ts';
import { inTransaction, type Tx } from '@server/db/transaction.ts';
import { AppError } from '@server/errors.ts';
import { createIdempotencyRepository } from '@server/modules/idempotency/idempotency.repository.ts';

/** What identifies one logical request: who sent it, under which key, with which content. */
export type IdempotencyRequest = {
  /** The caller: a key is only ever matched against the same caller's earlier keys. */
  scope: string;
  key: string | undefined;
  /** The operation and its input; a different fingerprint under the same key is refused. */
  fingerprint: unknown;
};

export type StoredResponse<T> = { statusCode: number; body: T; replayed: boolean };

const repository = createIdempotencyRepository();

function hashOf(fingerprint: unknown): string {
  return createHash('sha256').update(canonicalJson(fingerprint)).digest('base64url');
}

/**
 * Runs `work` in one transaction, guarded by an idempotency key as RELIABILITY.md describes:
 * the key is claimed in the same transaction as the change, so either both are stored or
 * neither; a retry after success replays the stored answer; a retry while the first is running
 * gets IDEMPOTENCY_IN_FLIGHT; the key reused with another body gets IDEMPOTENCY_KEY_REUSED.
 * Without a key the work simply runs in a transaction.
 */
export async function runIdempotent<T extends object>(
  db: Database,
  request: IdempotencyRequest,
  work: (tx: Tx) => Promise<{ statusCode: number; body: T }>,
): Promise<StoredResponse<T>> {
  const { scope, key } = request;

  return inTransaction(db, async (tx) => {
    if (key === undefined) {
      return { ...(await work(tx)), replayed: false };
    }

    if (!(await repository.tryLock(tx, scope, key))) {
      throw new AppError(
        'IDEMPOTENCY_IN_FLIGHT',
        'Uma requisição com esta chave de idempotência ainda está em andamento. Aguarde e repita.',
      );
    }
    const requestHash = hashOf(request.fingerprint);
    const stored = await repository.find(tx, scope, key);
    if (stored) {
      if (stored.requestHash !== requestHash) {
        throw new AppError(
          'IDEMPOTENCY_KEY_REUSED',
          'Esta chave de idempotência já foi usada com outro conteúdo. Use uma chave nova.',
        );
      }

      return { statusCode: stored.statusCode, body: stored.responseBody as T, replayed: true };
    }

    const result = await work(tx);
    await repository.save(tx, {
      scope,
      key,
      requestHash,
      statusCode: result.statusCode,
      responseBody: result.body,
    });

    return { ...result, replayed: false };
  });
}

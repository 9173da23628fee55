import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Database } from '@server/db/database.ts';

/**
 * A fixed-window counter per key in PostgreSQL: one upsert per limited request. Shared by all
 * servers, unlike @fastify/rate-limit's default in-memory store.
 */
export function postgresRateLimitStore(db: Database) {
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    readonly #prefix: string;

    constructor(_options?: unknown, prefix = '') {
      this.#prefix = prefix;
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const windowMs = timeWindow;
      sql<{ count: number; ttl: number }>`
        insert into rate_limit_counters as c (key, window_start, count)
        values (${this.#prefix + key}, now(), 1)
        on conflict (key) do update set
          count = case when c.window_start + make_interval(secs => ${windowMs / 1000}) <= now()
            then 1 else c.count + 1 end,
          window_start = case when c.window_start + make_interval(secs => ${windowMs / 1000}) <= now()
            then now() else c.window_start end
        returning count,
          greatest(0, extract(epoch from (window_start + make_interval(secs => ${windowMs / 1000})
            - now())) * 1000)::integer as ttl
      `
        .execute(db)
        .then((result) => {
          const row = result.rows[0];
          callback(null, { current: Number(row?.count ?? 1), ttl: Number(row?.ttl ?? windowMs) });
        })
        .catch((error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error))),
        );
    }

    /**
     * Its types say a route, but @fastify/rate-limit passes the route's merged limit options,
     * with the route under `routeInfo` (as its own Redis store reads it).
     */
    child(options: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (
        options as unknown as { routeInfo?: { method?: string | string[]; url?: string } }
      ).routeInfo;
      const method = [route?.method ?? ''].flat().join(',');

      return new PostgresRateLimitStore(undefined, `${method} ${route?.url ?? ''}|`);
    }
  };
}

/** Forgets counters whose window ended long ago. */
export async function pruneRateLimitCounters(db: Database, olderThan: Date): Promise<void> {
  await db.deleteFrom('rateLimitCounters').where('windowStart', '<', olderThan).execute();
}

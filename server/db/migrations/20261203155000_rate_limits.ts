import { sql, type Kysely } from 'kysely';

/**
 * Rate-limit counters live in the database, not in process memory, so every server behind the
 * load balancer counts the same requests.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rate_limit_counters (
      key text primary key,
      window_start timestamptz not null,
      count integer not null
    )
  `.execute(db);
}

import { availableParallelism } from 'node:os';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/ster_bench';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** What one run of the bench uses; every knob has an environment variable and a default. */
export type BenchSettings = {
  /** The bench's own database, created at the start and dropped at the end. */
  databaseUrl: string;
  /** The server's maintenance database, from which the bench database is created and dropped. */
  adminUrl: string;
  /** Concurrent clients, for the API and for the SQL baseline alike. */
  concurrency: number;
  /** How long each side (API, baseline) is measured in all, after its warm-up. */
  seconds: number;
  /** The sides take turns this many times, so that a busy neighbour weighs on both alike. */
  rounds: number;
  warmupSeconds: number;
  /** Rows the protocols table holds before the pending-list latency is measured. */
  fillRows: number;
  latencyRequests: number;
  cpus: number;
};

function positiveInteger(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be an integer between 1 and ${max}, got ${raw}`);
  }

  return value;
}

/**
 * The bench only ever talks to 127.0.0.1, and only ever drops a database whose name starts with
 * `ster_bench`: pointed at any other database (say, the tests' `postgres`), it uses a database
 * called `ster_bench` on the same server instead of touching the one named.
 */
function benchUrls(): { databaseUrl: string; adminUrl: string } {
  const url = new URL(process.env.DATABASE_URL || DEFAULT_URL);
  if (!LOOPBACK.has(url.hostname)) {
    throw new Error(`the bench runs against a local PostgreSQL only, not ${url.hostname}`);
  }
  if (!/^ster_bench\w*$/.test(url.pathname.slice(1))) {
    url.pathname = '/ster_bench';
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';

  return { databaseUrl: url.toString(), adminUrl: admin.toString() };
}

export function loadBenchSettings(): BenchSettings {
  return {
    ...benchUrls(),
    concurrency: positiveInteger('BENCH_CONCURRENCY', 16, 256),
    seconds: positiveInteger('BENCH_SECONDS', 15, 120),
    rounds: positiveInteger('BENCH_ROUNDS', 3, 20),
    warmupSeconds: positiveInteger('BENCH_WARMUP_SECONDS', 2, 30),
    fillRows: positiveInteger('BENCH_FILL_ROWS', 1_000_000, 5_000_000),
    latencyRequests: positiveInteger('BENCH_LATENCY_REQUESTS', 500, 5_000),
    cpus: availableParallelism(),
  };
}

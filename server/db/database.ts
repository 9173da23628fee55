import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect, type Dialect } from 'kysely';
import pg from 'pg';
import type { DB } from '@server/db/schema.ts';
import { PGliteDialect } from '@server/db/pglite-dialect.ts';

export type Database = Kysely<DB>;

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseHandle = { db: Database; kind: DatabaseKind; close: () => Promise<void> };

const INT8 = 20;
const DATE = 1082;

/**
 * int8 comes back as a string from pg and as a number or BigInt from PGlite; both are turned
 * into a number here (our counters and centavos stay far below 2^53). Dates stay `YYYY-MM-DD`
 * strings: a JS Date at local midnight would shift them across time zones.
 */
const parseInt8 = (value: string) => Number(value);
const keepText = (value: string) => value;

function postgresDialect(connectionString: string, poolSize: number): Dialect {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return parseInt8;
        if (oid === DATE) return keepText;

        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });

  // An idle connection can be cut by the server (restart, failover, DROP DATABASE ... FORCE); the
  // pool replaces it, and without a listener the 'error' event would crash the process.
  pool.on('error', () => undefined);

  return new PostgresDialect({ pool });
}

export async function openPGlite(dataDir: string | undefined): Promise<PGlite> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
  }
  const instance = await PGlite.create(dataDir, {
    parsers: { [INT8]: parseInt8, [DATE]: keepText },
  });

  return instance;
}

export type OpenDatabaseOptions = {
  databaseUrl?: string | undefined;
  /** The folder that holds the embedded database's own `pglite` folder. */
  dataDir?: string | undefined;
  /** An already-open PGlite instance (tests copy a migrated template). */
  pglite?: PGlite;
  poolSize?: number;
};

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const plugins = [new CamelCasePlugin()];

  if (options.databaseUrl) {
    const db = new Kysely<DB>({
      dialect: postgresDialect(options.databaseUrl, options.poolSize ?? 20),
      plugins,
    });

    return { db, kind: 'postgres', close: () => db.destroy() };
  }

  const instance =
    options.pglite ??
    (await openPGlite(options.dataDir ? join(options.dataDir, 'pglite') : undefined));
  const db = new Kysely<DB>({ dialect: new PGliteDialect(instance), plugins });

  return { db, kind: 'pglite', close: () => db.destroy() };
}

import pg from 'pg';
import { openDatabase } from '@server/db/database.ts';
import { migrateToLatest } from '@server/db/migrate.ts';
import { seedDemoData } from '@server/seed/seed.ts';
import type { BenchSettings } from './settings.ts';

function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

async function onAdmin(settings: BenchSettings, statement: string) {
  const admin = new pg.Client({ connectionString: settings.adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A fresh bench database, migrated and loaded with the demo catalogue and staff. */
export async function createBenchDatabase(settings: BenchSettings) {
  const name = databaseName(settings.databaseUrl);
  await onAdmin(settings, `drop database if exists ${name} with (force)`);
  await onAdmin(settings, `create database ${name}`);

  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
    await seedDemoData(handle.db);
  } finally {
    await handle.close();
  }
}

export async function dropBenchDatabase(settings: BenchSettings) {
  await onAdmin(
    settings,
    `drop database if exists ${databaseName(settings.databaseUrl)} with (force)`,
  );
}

export async function serverVersion(pool: pg.Pool): Promise<string> {
  const result = await pool.query<{ server_version: string }>('show server_version');

  return result.rows[0]?.server_version ?? 'unknown';
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, openPGlite } from '@server/db/database.ts';
import { migrateToLatest } from '@server/db/migrate.ts';
import { seedDemoData } from '@server/seed/seed.ts';
import { adminUrl } from '@test/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDataDir: string;
    templateDatabase: string;
  }
}

/**
 * Builds one migrated, seeded database per run that every test file copies: a PGlite data dir,
 * or, with DATABASE_URL set, a PostgreSQL template database.
 */
export async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    // One template per run, so runs sharing a server (developers side by side) never collide.
    const templateDatabase = `ster_test_template_${process.pid}`;
    const { sql } = await import('kysely');
    const dropTemplate = async () => {
      const admin = await openDatabase({ databaseUrl: adminUrl(databaseUrl), poolSize: 1 });
      await sql.raw(`drop database if exists ${templateDatabase} with (force)`).execute(admin.db);
      await admin.close();
    };
    await dropTemplate();
    const admin = await openDatabase({ databaseUrl: adminUrl(databaseUrl), poolSize: 1 });
    await sql.raw(`create database ${templateDatabase}`).execute(admin.db);
    await admin.close();
    const template = await openDatabase({
      databaseUrl: withDatabase(databaseUrl, templateDatabase),
      poolSize: 1,
    });
    await migrateToLatest(template.db);
    await seedDemoData(template.db);
    await template.close();
    project.provide('templateDataDir', '');
    project.provide('templateDatabase', templateDatabase);

    return dropTemplate;
  }

  const dir = mkdtempSync(join(tmpdir(), 'ster-template-'));
  const pglite = await openPGlite(dir);
  const handle = await openDatabase({ pglite });
  await migrateToLatest(handle.db);
  await seedDemoData(handle.db);
  await handle.close();
  project.provide('templateDataDir', dir);
  project.provide('templateDatabase', '');

  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;

  return parsed.toString();
}

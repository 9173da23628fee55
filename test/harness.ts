import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { buildApp, type SterApp } from '@server/app.ts';
import type { Config } from '@server/config.ts';
import type { AppContext } from '@server/context.ts';
import { openDatabase, openPGlite, type DatabaseHandle } from '@server/db/database.ts';
import { createLogger } from '@server/logger.ts';
import { DEMO_PASSWORD } from '@server/seed/demo-catalogue.ts';
import { PersonalDataVault } from '@server/security/personal-data.ts';
import { withDatabase } from '@test/global-setup.ts';
import { TestClock } from '@test/clock.ts';
import { adminUrl } from '@test/postgres.ts';

export const TEST_SECRET = Buffer.alloc(32, 7);

export type TestApp = {
  app: SterApp;
  ctx: AppContext;
  clock: TestClock;
  /** Signs a demo staff member in and returns the bearer token. */
  signIn: (registration: string) => Promise<string>;
  close: () => Promise<void>;
};

async function openCopy(): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const name = `ster_test_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ databaseUrl: adminUrl(databaseUrl), poolSize: 1 });
    await sql
      .raw(`create database ${name} template ${inject('templateDatabase')}`)
      .execute(admin.db);
    const handle = await openDatabase({
      databaseUrl: withDatabase(databaseUrl, name),
      poolSize: 10,
    });
    // pg-pool's end() resolves before its sockets have closed; dropping `with (force)` at once
    // would kill backends still saying goodbye. Wait for them, and force only as a last resort.
    const cleanup = async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          const force = attempt > 20 ? ' with (force)' : '';
          await sql.raw(`drop database if exists ${name}${force}`).execute(admin.db);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006') throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await admin.close();
    };

    return { handle, cleanup };
  }

  const dir = mkdtempSync(join(tmpdir(), 'ster-test-'));
  cpSync(inject('templateDataDir'), dir, { recursive: true });
  const handle = await openDatabase({ pglite: await openPGlite(dir) });

  return { handle, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A real application on its own copy of the seeded database (PGlite, or PostgreSQL when
 * DATABASE_URL is set). Tests talk to it through `app.inject`.
 */
export async function createTestApp(
  options: { clock?: TestClock; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const { handle, cleanup } = await openCopy();
  const clock = options.clock ?? new TestClock();
  const config: Config = {
    databaseUrl: process.env.DATABASE_URL,
    dataDir: tmpdir(),
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    secretKey: TEST_SECRET,
    secureCookies: false,
    jobIntervalMs: 0,
    oidc: null,
    ...options.config,
  };
  const ctx: AppContext = {
    config,
    db: handle.db,
    dbKind: handle.kind,
    vault: new PersonalDataVault(config.secretKey),
    logger: createLogger('silent'),
    clock,
  };
  const app = await buildApp(ctx, { logger: false });

  return {
    app,
    ctx,
    clock,
    async signIn(registration: string) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sessions',
        payload: { registration, password: DEMO_PASSWORD },
      });
      if (response.statusCode !== 200) {
        throw new Error(`sign-in of ${registration} failed: ${response.body}`);
      }

      return response.json<{ token: string }>().token;
    },
    async close() {
      await app.close();
      await handle.close();
      await cleanup();
    },
  };
}

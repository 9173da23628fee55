import type { Config } from '@server/config.ts';
import { systemClock, type AppContext, type Clock } from '@server/context.ts';
import { openDatabase, type DatabaseHandle } from '@server/db/database.ts';
import { migrateToLatest } from '@server/db/migrate.ts';
import { createLogger } from '@server/logger.ts';
import { PersonalDataVault } from '@server/security/personal-data.ts';

export type Runtime = { ctx: AppContext; handle: DatabaseHandle };

/** Opens the configured database, brings its schema up to date and builds the context. */
export async function openRuntime(config: Config, clock: Clock = systemClock): Promise<Runtime> {
  const logger = createLogger(config.logLevel);
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const migrated = await migrateToLatest(handle.db);
  for (const result of migrated.results ?? []) {
    logger.info(
      { event: 'migration_applied', migration: result.migrationName },
      'migration applied',
    );
  }

  const ctx: AppContext = {
    config,
    db: handle.db,
    dbKind: handle.kind,
    vault: new PersonalDataVault(config.secretKey),
    logger,
    clock,
  };

  return { ctx, handle };
}

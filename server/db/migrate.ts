import { Migrator, type MigrationResultSet } from 'kysely';
import type { Database } from '@server/db/database.ts';
import { migrations } from '@server/db/migrations/index.ts';

export async function migrateToLatest(db: Database): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    throw result.error instanceof Error ? result.error : new Error(String(result.error));
  }

  return result;
}

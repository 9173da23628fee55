import type { Config } from '@server/config.ts';
import type { Database, DatabaseKind } from '@server/db/database.ts';
import type { Logger } from '@server/logger.ts';
import type { PersonalDataVault } from '@server/security/personal-data.ts';

/** A source of the current time, replaceable in tests that need days to pass. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

/** What every module is built from: no module reaches for globals. */
export type AppContext = {
  config: Config;
  db: Database;
  dbKind: DatabaseKind;
  vault: PersonalDataVault;
  logger: Logger;
  clock: Clock;
};

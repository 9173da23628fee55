import type { Migration } from 'kysely';
import * as coreSchema from '@server/db/migrations/20261203150000_core_schema.ts';
import * as rateLimits from '@server/db/migrations/20261203155000_rate_limits.ts';
import * as backoffice from '@server/db/migrations/20261203160000_backoffice.ts';
import * as partners from '@server/db/migrations/20261203170000_partners.ts';
import * as catalogueVersions from '@server/db/migrations/20261204100000_catalogue_versions.ts';
import * as erpImports from '@server/db/migrations/20261204101000_erp_imports.ts';
import * as citizenSessions from '@server/db/migrations/20261204110000_citizen_sessions.ts';
import * as partnerHooks from '@server/db/migrations/20261204120000_partner_hooks.ts';
import * as billing from '@server/db/migrations/20261204130000_billing.ts';
import * as reports from '@server/db/migrations/20261204140000_reports.ts';

/**
 * Every migration, in order. Listed by hand rather than read from the folder so that the same
 * set runs under tsx, vitest and a bundler alike. Migrations are forward-only.
 */
export const migrations: Record<string, Migration> = {
  '20261203150000_core_schema': coreSchema,
  '20261203155000_rate_limits': rateLimits,
  '20261203160000_backoffice': backoffice,
  '20261203170000_partners': partners,
  '20261204100000_catalogue_versions': catalogueVersions,
  '20261204101000_erp_imports': erpImports,
  '20261204110000_citizen_sessions': citizenSessions,
  '20261204120000_partner_hooks': partnerHooks,
  '20261204130000_billing': billing,
  '20261204140000_reports': reports,
};

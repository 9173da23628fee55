import { sql, type Kysely } from 'kysely';

/**
 * Hosted-form services that call a partner (issue #6): per service, the partner whose
 * validation endpoint STER asks before creating a protocol, and whose API receives the form
 * data afterwards (through the outbox). Also an index for reading one partner's audit trail
 * from the back-office change log.
 */
const statements = [
  `create table partner_service_hooks (
    service_id uuid primary key references services(id),
    partner_id uuid not null references partners(id),
    validation_url text check (length(validation_url) between 1 and 2000),
    submission_url text check (length(submission_url) between 1 and 2000),
    updated_at timestamptz not null default now()
  )`,
  `create index partner_service_hooks_partner_idx on partner_service_hooks (partner_id)`,
  `create index catalogue_changes_partner_idx on catalogue_changes ((after ->> 'partnerId'), id)
    where entity in ('partner', 'partnerCredential', 'partnerServiceHook')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

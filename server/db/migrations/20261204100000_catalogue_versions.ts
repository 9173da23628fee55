import { sql, type Kysely } from 'kysely';

/**
 * Optimistic concurrency for the back office (issue #4): every catalogue record carries a
 * `version` that the database bumps on each real change, so an edit made from a stale screen can
 * be refused (409) instead of silently overwriting a colleague's. A trigger rather than the
 * application bumps it, so no writer (screens, ERP import, scripts) can forget.
 */
const TABLES = [
  'agencies',
  'staff',
  'clients',
  'contracts',
  'services',
  'associated_items',
  'tariffs',
];

const statements = [
  `create function bump_version() returns trigger language plpgsql as $$
    begin
      if row(new.*) is distinct from row(old.*) then
        new.version := old.version + 1;
      end if;
      return new;
    end
  $$`,
  ...TABLES.flatMap((table) => [
    `alter table ${table} add column version integer not null default 1 check (version > 0)`,
    `create trigger ${table}_version before update on ${table}
      for each row execute function bump_version()`,
  ]),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

import { sql, type Kysely } from 'kysely';

/**
 * ERP catalogue imports (issue #4): each import is first a dry run, stored with the records it
 * read and the plan it showed, so that applying it (possibly from another server) re-checks the
 * very same plan against the catalogue of that moment.
 */
const statements = [
  `create table erp_imports (
    id uuid primary key default gen_random_uuid(),
    source text not null check (source in ('file', 'erp')),
    format text not null check (format in ('csv', 'json')),
    file_name text check (length(file_name) <= 200),
    content_hash text not null,
    rows jsonb not null,
    operations jsonb not null,
    summary jsonb not null,
    status text not null default 'previewed' check (status in ('previewed', 'applied')),
    created_by uuid references staff(id),
    created_by_label text not null,
    created_at timestamptz not null default now(),
    applied_by_label text,
    applied_at timestamptz,
    check ((status = 'applied') = (applied_at is not null))
  )`,
  `create index erp_imports_created_idx on erp_imports (created_at desc, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

import { sql, type Kysely } from 'kysely';

/**
 * Billing and reconciliation (issue #7): statements per contract and period with their lines,
 * the record that each protocol was charged (and credited) at most once ever, the ERP's
 * acknowledgements, cash day closes, and imported files with the differences they revealed.
 * Issued statements, billings, acknowledgements, closes and notes cannot be changed afterwards.
 */
const statements = [
  `alter table contracts add column billing_period text not null default 'monthly'
    check (billing_period in ('monthly', 'fortnightly'))`,
  `create table statements (
    id uuid primary key default gen_random_uuid(),
    number text not null unique,
    contract_id uuid not null references contracts(id),
    client_id uuid not null references clients(id),
    period_start date not null,
    period_end date not null,
    status text not null check (status in ('draft', 'issued')),
    charge_cents bigint not null default 0 check (charge_cents >= 0),
    credit_cents bigint not null default 0 check (credit_cents <= 0),
    total_cents bigint not null default 0,
    line_count integer not null default 0,
    content_hash text not null,
    generated_at timestamptz not null,
    generated_by text not null,
    issued_at timestamptz,
    issued_by text,
    unique (contract_id, period_start),
    check (period_end >= period_start),
    check ((status = 'issued') = (issued_at is not null))
  )`,
  `create table statement_lines (
    statement_id uuid not null references statements(id),
    line_number integer not null check (line_number >= 1),
    kind text not null check (kind in ('charge', 'credit')),
    protocol_id uuid not null references protocols(id),
    protocol_code char(14) not null,
    item_kind text not null check (item_kind in ('service', 'associated')),
    item_code text not null,
    description text not null,
    service_id uuid not null references services(id),
    service_code text not null,
    service_name text not null,
    occurred_on date not null,
    agency_id uuid references agencies(id),
    agency_code text,
    agency_name text,
    quantity integer not null check (quantity >= 1),
    unit_cents bigint not null check (unit_cents >= 0),
    total_cents bigint not null,
    primary key (statement_id, line_number),
    check ((kind = 'charge' and total_cents >= 0) or (kind = 'credit' and total_cents <= 0))
  )`,
  `create index statement_lines_protocol_idx on statement_lines (protocol_id)`,
  `create function statement_frozen() returns trigger language plpgsql as $$
    begin
      if old.status = 'issued' then
        raise exception 'statement % is issued and cannot change', old.number using errcode = '55000';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end
  $$`,
  `create trigger statements_frozen before update or delete on statements
    for each row execute function statement_frozen()`,
  `create function statement_lines_frozen() returns trigger language plpgsql as $$
    declare
      target uuid := case when tg_op = 'INSERT' then new.statement_id else old.statement_id end;
    begin
      if exists (select 1 from statements where id = target and status = 'issued') then
        raise exception 'lines of an issued statement cannot change' using errcode = '55000';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end
  $$`,
  `create trigger statement_lines_frozen before insert or update or delete on statement_lines
    for each row execute function statement_lines_frozen()`,
  `create table billed_protocols (
    protocol_id uuid not null references protocols(id),
    kind text not null check (kind in ('charge', 'credit')),
    statement_id uuid not null references statements(id),
    total_cents bigint not null,
    primary key (protocol_id, kind)
  )`,
  `create trigger billed_protocols_append_only before update or delete on billed_protocols
    for each row execute function forbid_change()`,
  `alter table outbox_deliveries
    alter column protocol_id drop not null,
    add column statement_id uuid references statements(id),
    add constraint outbox_deliveries_subject check (protocol_id is not null or statement_id is not null)`,
  `create index outbox_deliveries_statement_idx on outbox_deliveries (statement_id, id)
    where statement_id is not null`,
  `create table statement_acknowledgements (
    id bigserial primary key,
    statement_id uuid not null references statements(id),
    delivery_id bigint references outbox_deliveries(id),
    accepted boolean not null,
    erp_reference text,
    total_cents bigint,
    message text,
    received_at timestamptz not null
  )`,
  `create index statement_acknowledgements_statement_idx on statement_acknowledgements (statement_id, id)`,
  `create trigger statement_acknowledgements_append_only
    before update or delete on statement_acknowledgements
    for each row execute function forbid_change()`,
  `create table day_closes (
    id uuid primary key default gen_random_uuid(),
    agency_id uuid not null references agencies(id),
    business_date date not null,
    attendance_count integer not null,
    total_cents bigint not null,
    summary jsonb not null,
    closed_by uuid not null references staff(id),
    closed_by_label text not null,
    closed_at timestamptz not null,
    unique (agency_id, business_date)
  )`,
  `create trigger day_closes_append_only before update or delete on day_closes
    for each row execute function forbid_change()`,
  `create table reconciliation_imports (
    id uuid primary key default gen_random_uuid(),
    source text not null check (source in ('counter', 'erp')),
    agency_id uuid references agencies(id),
    business_date date,
    file_hash text not null,
    row_count integer not null,
    difference_count integer not null,
    imported_by uuid not null references staff(id),
    imported_by_label text not null,
    imported_at timestamptz not null,
    check (source = 'erp' or (agency_id is not null and business_date is not null))
  )`,
  `create unique index reconciliation_imports_file_idx
    on reconciliation_imports (source, coalesce(agency_id::text, ''), file_hash)`,
  `create trigger reconciliation_imports_append_only
    before update or delete on reconciliation_imports
    for each row execute function forbid_change()`,
  `create table reconciliation_differences (
    id uuid primary key default gen_random_uuid(),
    import_id uuid not null references reconciliation_imports(id),
    agency_id uuid references agencies(id),
    kind text not null check (kind in ('absentAtCounter', 'unknownInSter', 'notFinalisedInSter',
      'amountDiffers', 'billedTwice', 'billedNever')),
    protocol_id uuid references protocols(id),
    protocol_code char(14),
    reference text not null,
    ster_cents bigint,
    reported_cents bigint,
    status text not null default 'open' check (status in ('open', 'explained', 'resolved')),
    created_at timestamptz not null
  )`,
  `create index reconciliation_differences_agency_idx
    on reconciliation_differences (agency_id, status, created_at)`,
  `create index reconciliation_differences_import_idx on reconciliation_differences (import_id)`,
  `create table reconciliation_notes (
    id bigserial primary key,
    difference_id uuid not null references reconciliation_differences(id),
    note text not null check (length(note) between 1 and 2000),
    resolution text check (resolution in ('explained', 'resolved')),
    author_id uuid not null references staff(id),
    author_label text not null,
    created_at timestamptz not null
  )`,
  `create index reconciliation_notes_difference_idx on reconciliation_notes (difference_id, id)`,
  `create trigger reconciliation_notes_append_only before update or delete on reconciliation_notes
    for each row execute function forbid_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

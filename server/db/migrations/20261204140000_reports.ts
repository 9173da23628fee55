import { sql, type Kysely } from 'kysely';

/**
 * Reports (issue #7): a daily aggregate of protocols kept by the database itself, and export
 * jobs with their files.
 *
 * Every insert or change of a protocol appends signed deltas (-1 for the old figures, +1 for the
 * new) to `report_deltas` in the same transaction, so the figures can never disagree with the
 * protocols, reversals and cancellations included. Appending never waits on another
 * transaction; a scheduled fold moves the deltas into `report_daily` (one row per day, agency,
 * client, service, status, modality and test flag), and readers add the two tables.
 * The day is the protocol's creation day in São Paulo, which never changes.
 */
const statements = [
  `create table report_daily (
    day date not null,
    agency_id uuid,
    client_id uuid not null,
    service_id uuid not null,
    status text not null,
    modality text not null,
    is_test boolean not null,
    attendances bigint not null,
    amount_cents bigint not null
  )`,
  `create unique index report_daily_key_idx on report_daily
    (day, agency_id, client_id, service_id, status, modality, is_test) nulls not distinct`,
  `create index report_daily_agency_idx on report_daily (agency_id, day)`,
  `create table report_deltas (
    id bigserial primary key,
    day date not null,
    agency_id uuid,
    client_id uuid not null,
    service_id uuid not null,
    status text not null,
    modality text not null,
    is_test boolean not null,
    attendances integer not null,
    amount_cents bigint not null
  )`,
  `create function report_delta(p protocols, sign integer) returns void language sql as $$
    insert into report_deltas (day, agency_id, client_id, service_id, status, modality, is_test,
      attendances, amount_cents)
    values ((p.created_at at time zone 'America/Sao_Paulo')::date, p.agency_id, p.client_id,
      p.service_id, p.status, p.modality, p.is_test, sign, sign * coalesce(p.total_cents, 0))
  $$`,
  `create function protocols_report_delta() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        if (old.status, old.total_cents, old.agency_id, old.client_id, old.service_id,
            old.modality, old.is_test, old.created_at)
          is not distinct from (new.status, new.total_cents, new.agency_id, new.client_id,
            new.service_id, new.modality, new.is_test, new.created_at) then
          return null;
        end if;
        perform report_delta(old, -1);
      end if;
      perform report_delta(new, 1);
      return null;
    end
  $$`,
  `create trigger protocols_report_delta after insert or update on protocols
    for each row execute function protocols_report_delta()`,
  // Folds every visible delta into the daily rows; callers serialise it with an advisory lock.
  `create function report_fold(batch integer) returns integer language sql as $$
    with moved as (
      delete from report_deltas where id in (
        select id from report_deltas order by id limit batch for update skip locked)
      returning *
    ), summed as (
      insert into report_daily (day, agency_id, client_id, service_id, status, modality,
        is_test, attendances, amount_cents)
      select day, agency_id, client_id, service_id, status, modality, is_test,
        sum(attendances), sum(amount_cents)
      from moved group by day, agency_id, client_id, service_id, status, modality, is_test
      on conflict (day, agency_id, client_id, service_id, status, modality, is_test)
      do update set attendances = report_daily.attendances + excluded.attendances,
        amount_cents = report_daily.amount_cents + excluded.amount_cents
      returning 1
    )
    select count(*)::integer from moved
  $$`,
  // Recomputes the aggregate from the protocols: after a bulk load that bypassed triggers.
  `create function report_rebuild() returns void language plpgsql as $$
    begin
      lock table protocols in share mode;
      delete from report_deltas;
      delete from report_daily;
      insert into report_daily (day, agency_id, client_id, service_id, status, modality,
        is_test, attendances, amount_cents)
      select (created_at at time zone 'America/Sao_Paulo')::date, agency_id, client_id,
        service_id, status, modality, is_test, count(*), coalesce(sum(total_cents), 0)
      from protocols group by 1, 2, 3, 4, 5, 6, 7;
    end
  $$`,
  `create index protocols_created_idx on protocols (created_at, id)`,
  `create index protocols_attendant_created_idx on protocols (attendant_id, created_at)`,
  `create table report_exports (
    id uuid primary key default gen_random_uuid(),
    requested_by uuid not null references staff(id),
    format text not null check (format in ('csv', 'xlsx', 'pdf')),
    filters jsonb not null,
    status text not null default 'queued'
      check (status in ('queued', 'running', 'done', 'failed')),
    attempt integer not null default 0,
    rows_total integer not null default 0,
    rows_done integer not null default 0,
    file_name text,
    content_type text,
    byte_size bigint,
    error text,
    created_at timestamptz not null default now(),
    started_at timestamptz,
    heartbeat_at timestamptz,
    finished_at timestamptz
  )`,
  `create index report_exports_due_idx on report_exports (created_at)
    where status in ('queued', 'running')`,
  `create index report_exports_requester_idx on report_exports (requested_by, created_at)`,
  `create table report_export_chunks (
    export_id uuid not null references report_exports(id) on delete cascade,
    attempt integer not null,
    sequence integer not null,
    data bytea not null,
    primary key (export_id, attempt, sequence)
  )`,
  `select report_rebuild()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

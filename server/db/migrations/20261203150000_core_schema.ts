import { sql, type Kysely } from 'kysely';

/**
 * The core schema: catalogue, staff, protocols with their append-only history, idempotency keys
 * and the outbox. Invariants are kept here as well as in code: statuses are checked, codes are
 * unique, and protocol events cannot be updated or deleted.
 */
const statements = [
  `create function unaccent_ci(value text) returns text language sql immutable as $$
    select lower(translate(value,
      'ÁÀÂÃÄáàâãäÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÕÖóòôõöÚÙÛÜúùûüÇçÑñ',
      'AAAAAaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCcNn'))
  $$`,
  `create table agencies (
    id uuid primary key default gen_random_uuid(),
    code text not null unique check (code ~ '^[0-9]{8}$'),
    name text not null check (length(name) between 1 and 120),
    kind text not null check (kind in ('own', 'franchised')),
    city text not null,
    state char(2) not null,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table staff (
    id uuid primary key default gen_random_uuid(),
    registration text not null unique check (registration ~ '^[0-9]{8}$'),
    name text not null check (length(name) between 1 and 120),
    role text not null check (role in ('attendant', 'supervisor', 'backOffice', 'admin')),
    agency_id uuid references agencies(id),
    password_hash text not null,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (role in ('backOffice', 'admin') or agency_id is not null)
  )`,
  `create index staff_agency_idx on staff (agency_id)`,
  `create table staff_sessions (
    id uuid primary key default gen_random_uuid(),
    token_hash text not null unique,
    staff_id uuid not null references staff(id),
    terminal text,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`,
  `create table login_attempts (
    id bigserial primary key,
    registration text not null,
    ip text not null,
    succeeded boolean not null,
    attempted_at timestamptz not null default now()
  )`,
  `create index login_attempts_registration_idx on login_attempts (registration, attempted_at)`,
  `create index login_attempts_ip_idx on login_attempts (ip, attempted_at)`,
  `create table clients (
    id uuid primary key default gen_random_uuid(),
    code text not null unique check (code ~ '^[A-Z0-9_-]{2,30}$'),
    name text not null check (length(name) between 1 and 160),
    cnpj text not null unique check (cnpj ~ '^[0-9A-Z]{12}[0-9]{2}$'),
    kind text not null check (kind in ('public', 'private', 'microSmall')),
    active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table contracts (
    id uuid primary key default gen_random_uuid(),
    client_id uuid not null references clients(id),
    number text not null unique check (length(number) between 1 and 30),
    admin_code text not null check (admin_code ~ '^[0-9]{8}$'),
    postal_card text not null check (postal_card ~ '^[0-9]{10}$'),
    modality text not null check (modality in ('cash', 'invoiced')),
    allows_associated_items boolean not null default false,
    valid_from date not null,
    valid_to date,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (valid_to is null or valid_to >= valid_from)
  )`,
  `create index contracts_client_idx on contracts (client_id)`,
  `create table services (
    id uuid primary key default gen_random_uuid(),
    client_id uuid not null references clients(id),
    contract_id uuid not null references contracts(id),
    code text not null unique check (code ~ '^[0-9]{1,10}$'),
    name text not null check (length(name) between 1 and 160),
    description text not null default '',
    solution text not null check (solution in ('hostedForm', 'clientSite')),
    client_site_url text,
    attendance_types text[] not null
      check (cardinality(attendance_types) > 0
        and attendance_types <@ array['inPerson', 'preAttendance', 'virtual']),
    agency_kinds text[] not null default array['own', 'franchised']
      check (agency_kinds <@ array['own', 'franchised']),
    pre_attendance_expiry_days integer not null default 30
      check (pre_attendance_expiry_days between 1 and 365),
    price_rule text not null default 'tariff' check (price_rule in ('tariff', 'partner')),
    partner_price_min_cents bigint check (partner_price_min_cents >= 0),
    partner_price_max_cents bigint check (partner_price_max_cents >= partner_price_min_cents),
    active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (solution = 'hostedForm' or client_site_url is not null)
  )`,
  `create index services_client_idx on services (client_id)`,
  `create table service_agencies (
    service_id uuid not null references services(id),
    agency_id uuid not null references agencies(id),
    primary key (service_id, agency_id)
  )`,
  `create table associated_items (
    id uuid primary key default gen_random_uuid(),
    service_id uuid not null references services(id),
    code text not null check (code ~ '^[0-9]{1,10}$'),
    description text not null check (length(description) between 1 and 160),
    unit_amount_cents bigint not null check (unit_amount_cents >= 0),
    quantity integer not null default 1 check (quantity between 1 and 999),
    active boolean not null default true,
    created_at timestamptz not null default now(),
    unique (service_id, code)
  )`,
  `create table tariffs (
    id uuid primary key default gen_random_uuid(),
    contract_id uuid not null references contracts(id),
    service_id uuid not null references services(id),
    amount_cents bigint not null check (amount_cents >= 0),
    valid_from date not null,
    valid_to date,
    created_at timestamptz not null default now(),
    created_by uuid references staff(id),
    check (valid_to is null or valid_to >= valid_from)
  )`,
  `create index tariffs_lookup_idx on tariffs (service_id, contract_id, valid_from)`,
  `create table form_definitions (
    id uuid primary key default gen_random_uuid(),
    service_id uuid not null references services(id),
    version integer not null check (version >= 1),
    status text not null check (status in ('draft', 'published')),
    definition jsonb not null,
    created_at timestamptz not null default now(),
    created_by uuid references staff(id),
    published_at timestamptz,
    unique (service_id, version)
  )`,
  `create unique index form_definitions_one_draft_idx on form_definitions (service_id)
    where status = 'draft'`,
  `create sequence protocol_number_seq`,
  `create table protocols (
    id uuid primary key default gen_random_uuid(),
    code char(14) not null unique check (code ~ '^[0-9]{14}$'),
    client_id uuid not null references clients(id),
    contract_id uuid not null references contracts(id),
    service_id uuid not null references services(id),
    agency_id uuid references agencies(id),
    attendant_id uuid references staff(id),
    attendance_type text not null check (attendance_type in ('inPerson', 'preAttendance', 'virtual')),
    status text not null
      check (status in ('preAttendance', 'pending', 'finalised', 'cancelled', 'reversed', 'expired')),
    modality text not null check (modality in ('cash', 'invoiced')),
    citizen_document_kind text not null check (citizen_document_kind in ('cpf', 'cnpj')),
    citizen_document_hash text not null,
    citizen_sealed text not null,
    form_definition_id uuid references form_definitions(id),
    form_data_sealed text,
    documents_checked text[] not null default '{}',
    tariff_id uuid references tariffs(id),
    total_cents bigint check (total_cents >= 0),
    ticket_text text,
    is_test boolean not null default false,
    expires_at timestamptz,
    counter_till text,
    counter_entry_number text,
    counter_attendance_number text,
    event_count integer not null default 0,
    last_event_hash text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (status = 'preAttendance' or status = 'expired' or total_cents is not null)
  )`,
  `create index protocols_pending_idx on protocols (agency_id, attendant_id, created_at)
    where status = 'pending'`,
  `create index protocols_document_idx on protocols (citizen_document_hash)`,
  `create index protocols_agency_created_idx on protocols (agency_id, created_at)`,
  `create index protocols_expiry_idx on protocols (expires_at) where status = 'preAttendance'`,
  `create unique index protocols_counter_reference_idx
    on protocols (agency_id, counter_till, counter_entry_number, counter_attendance_number)
    where counter_till is not null`,
  `create table protocol_lines (
    protocol_id uuid not null references protocols(id),
    line_number integer not null check (line_number >= 1),
    kind text not null check (kind in ('service', 'associated')),
    item_code text not null,
    description text not null,
    quantity integer not null check (quantity >= 1),
    unit_cents bigint not null check (unit_cents >= 0),
    extras_cents bigint not null default 0 check (extras_cents >= 0),
    discount_cents bigint not null default 0 check (discount_cents >= 0),
    total_cents bigint not null check (total_cents >= 0),
    tariff_id uuid references tariffs(id),
    primary key (protocol_id, line_number)
  )`,
  `create table protocol_events (
    id bigserial primary key,
    protocol_id uuid not null references protocols(id),
    sequence integer not null check (sequence >= 1),
    type text not null,
    from_status text,
    to_status text not null,
    actor_kind text not null check (actor_kind in ('staff', 'partner', 'citizen', 'system')),
    actor_id uuid,
    actor_label text not null,
    agency_id uuid references agencies(id),
    terminal text,
    reason text,
    note text,
    data jsonb not null default '{}',
    occurred_at timestamptz not null,
    prev_hash text not null,
    hash text not null,
    unique (protocol_id, sequence)
  )`,
  `create function forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception 'table % is append-only', tg_table_name using errcode = '55000';
    end
  $$`,
  `create trigger protocol_events_append_only before update or delete on protocol_events
    for each row execute function forbid_change()`,
  `create table idempotency_keys (
    scope text not null,
    key text not null,
    request_hash text not null,
    status_code integer not null,
    response_body jsonb not null,
    created_at timestamptz not null default now(),
    primary key (scope, key)
  )`,
  `create table outbox (
    id bigserial primary key,
    topic text not null,
    aggregate_id uuid not null,
    payload jsonb not null,
    created_at timestamptz not null default now(),
    available_at timestamptz not null default now(),
    attempts integer not null default 0,
    delivered_at timestamptz,
    last_error text
  )`,
  `create index outbox_undelivered_idx on outbox (topic, available_at) where delivered_at is null`,
  `create index outbox_aggregate_idx on outbox (aggregate_id, id)`,
  `create table catalogue_changes (
    id bigserial primary key,
    entity text not null,
    entity_id uuid not null,
    action text not null check (action in ('create', 'update')),
    before jsonb,
    after jsonb not null,
    actor_id uuid references staff(id),
    actor_label text not null,
    occurred_at timestamptz not null default now()
  )`,
  `create index catalogue_changes_entity_idx on catalogue_changes (entity, entity_id, id)`,
  `create trigger catalogue_changes_append_only before update or delete on catalogue_changes
    for each row execute function forbid_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

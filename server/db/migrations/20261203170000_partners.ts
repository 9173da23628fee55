import { sql, type Kysely } from 'kysely';

/**
 * Partners (clients' systems that speak the published STER contract), their credentials, the
 * partner's own key on each protocol it registers, and per-subscriber delivery tracking of the
 * outbox: one `outbox_deliveries` row per (outbox row, subscriber), with every attempt logged.
 */
const statements = [
  `create table partners (
    id uuid primary key default gen_random_uuid(),
    client_id uuid not null references clients(id),
    name text not null check (length(name) between 1 and 120),
    confirmation_url text check (length(confirmation_url) <= 2000),
    webhook_secret_version integer not null default 1 check (webhook_secret_version > 0),
    active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index partners_client_idx on partners (client_id)`,
  `create table partner_credentials (
    id uuid primary key default gen_random_uuid(),
    partner_id uuid not null references partners(id),
    token_hash text not null unique,
    token_hint text not null,
    mode text not null check (mode in ('live', 'sandbox')),
    created_at timestamptz not null default now(),
    created_by uuid references staff(id),
    revoked_at timestamptz,
    revoked_by uuid references staff(id)
  )`,
  `create index partner_credentials_partner_idx on partner_credentials (partner_id)`,
  `alter table protocols
    add column partner_id uuid references partners(id),
    add column partner_key text check (length(partner_key) between 1 and 100),
    add column partner_request_hash text,
    add constraint protocols_partner_key_unique unique (partner_id, partner_key),
    add constraint protocols_partner_key_pair check ((partner_id is null) = (partner_key is null))`,
  `create table outbox_deliveries (
    id bigserial primary key,
    outbox_id bigint not null references outbox(id),
    subscriber text not null,
    protocol_id uuid not null references protocols(id),
    partner_id uuid references partners(id),
    status text not null check (status in ('pending', 'delivered', 'failed')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null,
    last_attempt_at timestamptz,
    last_error text,
    delivered_at timestamptz,
    created_at timestamptz not null,
    unique (outbox_id, subscriber)
  )`,
  `create index outbox_deliveries_due_idx on outbox_deliveries (subscriber, next_attempt_at)
    where status = 'pending'`,
  `create index outbox_deliveries_protocol_idx
    on outbox_deliveries (subscriber, protocol_id, outbox_id)`,
  `create index outbox_deliveries_partner_idx on outbox_deliveries (partner_id, id)`,
  `create table outbox_delivery_attempts (
    id bigserial primary key,
    delivery_id bigint not null references outbox_deliveries(id),
    attempted_at timestamptz not null,
    status_code integer,
    error text,
    duration_ms integer not null
  )`,
  `create index outbox_delivery_attempts_delivery_idx on outbox_delivery_attempts (delivery_id, id)`,
  `create trigger outbox_delivery_attempts_append_only
    before update or delete on outbox_delivery_attempts
    for each row execute function forbid_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

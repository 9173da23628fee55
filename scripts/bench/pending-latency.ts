import { CamelCasePlugin, Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import type pg from 'pg';
import type { DB } from '@server/db/schema.ts';
import { createProtocolRepository } from '@server/modules/protocol/protocol.repository.ts';
import type { PersonalDataVault } from '@server/security/personal-data.ts';
import { CPFS } from '@test/factories.ts';
import type { HttpClient } from './http.ts';

const EXTRA_AGENCIES = 200;
const STAFF_PER_AGENCY = 5;
/** What `GET /api/v1/counter/pending` asks for (PENDING_LIST_LIMIT in counter.service.ts). */
const PENDING_LIST_LIMIT = 200;
const WARMUP_REQUESTS = 50;

/** More agencies and attendants, so that a million protocols spread as over a real network. */
export async function addBenchAgencies(pool: pg.Pool) {
  await pool.query(
    `insert into agencies (code, name, kind, city, state)
     select lpad((20000 + g)::text, 8, '0'), 'AC BENCH ' || g,
       case when g % 3 = 0 then 'franchised' else 'own' end, 'São Paulo', 'SP'
     from generate_series(1, $1::int) g`,
    [EXTRA_AGENCIES],
  );
  await pool.query(
    `insert into staff (registration, name, role, agency_id, password_hash)
     select '7' || lpad((a.n * $1::int + s)::text, 7, '0'), 'Atendente ' || a.n || '-' || s,
       'attendant', a.id, (select password_hash from staff limit 1)
     from (select id, row_number() over (order by code) as n from agencies
           where name like 'AC BENCH %') a,
       generate_series(1, $1::int) s`,
    [STAFF_PER_AGENCY],
  );
}

/**
 * Tops the protocols table up to `target` rows with one `insert ... select generate_series`,
 * its secondary indexes dropped for the load and built again after, foreign keys verified in
 * one query rather than row by row, then vacuumed and analysed:
 * about 1 % pending, the rest finalised, cancelled or reversed, over every service, agency and
 * counter attendant, created `secondsApart` apart back from now (30 s: over the past year).
 * Codes are unique 14-digit strings starting
 * with 00 (no real code starts so), without a valid check digit; every constraint holds, and
 * the sealed citizen is a real one, so the API can present the rows.
 */
export async function fillProtocols(
  pool: pg.Pool,
  target: number,
  vault: PersonalDataVault,
  secondsApart = 30,
) {
  const existing = await pool.query<{ count: string }>('select count(*) from protocols');
  const missing = Math.max(0, target - Number(existing.rows[0]?.count ?? 0));
  const sealed = vault.seal({ document: { kind: 'cpf', number: CPFS[1] }, name: 'Filler' });
  const client = await pool.connect();
  try {
    await client.query(`set maintenance_work_mem = '256MB'`);
    const indexes = await secondaryIndexes(client, 'protocols');
    for (const index of indexes) await client.query(`drop index ${index.name}`);
    const started = performance.now();
    // Foreign keys are checked by triggers, one lookup per row and key: off for this session's
    // load (check and unique constraints stay on), then verified at once by orphanedRows.
    await client.query(`set session_replication_role = replica`);
    await insertFiller(client, missing, sealed, secondsApart);
    await client.query(`set session_replication_role = origin`);
    const inserted = performance.now();
    const orphans = await orphanedRows(client);
    if (orphans > 0) throw new Error(`${orphans} filler rows break a foreign key`);
    for (const index of indexes) await client.query(index.definition);
    const indexed = performance.now();
    await client.query('vacuum (analyze) protocols');
    const total = await client.query<{ count: string }>('select count(*) from protocols');

    return {
      inserted: missing,
      insertSeconds: (inserted - started) / 1000,
      indexSeconds: (indexed - inserted) / 1000,
      total: Number(total.rows[0]?.count ?? 0),
    };
  } finally {
    client.release();
  }
}

/** Protocols whose client, contract, service, agency or attendant does not exist. */
async function orphanedRows(client: pg.PoolClient): Promise<number> {
  const result = await client.query<{ count: string }>(
    `select count(*) from protocols p
     where not exists (select 1 from clients c where c.id = p.client_id)
       or not exists (select 1 from contracts c where c.id = p.contract_id)
       or not exists (select 1 from services s where s.id = p.service_id)
       or (p.agency_id is not null and not exists (select 1 from agencies a where a.id = p.agency_id))
       or (p.attendant_id is not null and not exists (select 1 from staff s where s.id = p.attendant_id))`,
  );

  return Number(result.rows[0]?.count ?? 0);
}

/**
 * The table's indexes that back no constraint, with their definitions: a bulk load is faster
 * without them, and they are built again, as they were, in one sort each.
 */
async function secondaryIndexes(client: pg.PoolClient, table: string) {
  const result = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = 'public' and i.tablename = $1 and not exists (
       select 1 from pg_constraint c
       where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [table],
  );

  return result.rows;
}

async function insertFiller(
  client: pg.PoolClient,
  missing: number,
  sealed: string,
  secondsApart: number,
) {
  await client.query(
    `with people as (
       select array_agg(id order by registration) as ids,
         array_agg(agency_id order by registration) as agencies
       from staff where role in ('attendant', 'supervisor') and agency_id is not null
     ), offers as (
       select array_agg(s.id order by s.code) as ids,
         array_agg(s.client_id order by s.code) as clients,
         array_agg(s.contract_id order by s.code) as contracts,
         array_agg(c.modality order by s.code) as modalities
       from services s join contracts c on c.id = s.contract_id
     ), numbered as (
       select g, 1 + g % cardinality(o.ids) as si, 1 + (g / 7) % cardinality(p.ids) as pi
       from generate_series(1, $1::int) g, people p, offers o
     )
     insert into protocols (code, client_id, contract_id, service_id, agency_id, attendant_id,
       attendance_type, status, modality, citizen_document_kind, citizen_document_hash,
       citizen_sealed, total_cents, created_at, updated_at)
     select '00' || lpad(n.g::text, 12, '0'), o.clients[n.si], o.contracts[n.si], o.ids[n.si],
       p.agencies[n.pi], p.ids[n.pi], 'inPerson',
       case when n.g % 100 = 0 then 'pending' when n.g % 100 < 3 then 'cancelled'
         when n.g % 100 = 3 then 'reversed' else 'finalised' end,
       o.modalities[n.si], 'cpf', md5(n.g::text), $2, 850,
       now() - make_interval(secs => n.g * $3::float8),
       now() - make_interval(secs => n.g * $3::float8)
     from numbered n, people p, offers o`,
    [missing, sealed, secondsApart],
  );
}

/** Sequential requests for one attendant's own pending list; returns milliseconds each. */
export async function measurePending(client: HttpClient, token: string, requests: number) {
  const latencies: number[] = [];
  let listed = 0;
  for (let index = 0; index < WARMUP_REQUESTS + requests; index++) {
    const begin = performance.now();
    const answer = await client.send('GET', '/api/v1/counter/pending', token);
    const elapsed = performance.now() - begin;
    if (answer.status !== 200) {
      throw new Error(`pending list: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    if (index >= WARMUP_REQUESTS) {
      latencies.push(elapsed);
      listed = (answer.body as { protocols: unknown[] }).protocols.length;
    }
  }

  return { latencies, listed };
}

/**
 * EXPLAIN ANALYZE of the very query the pending list runs, captured from the application's own
 * repository through Kysely's log hook rather than written out again here.
 */
export async function explainPending(pool: pg.Pool, registration: string): Promise<string[]> {
  const staff = await pool.query<{ id: string; agency_id: string }>(
    'select id, agency_id from staff where registration = $1',
    [registration],
  );
  const member = staff.rows[0];
  if (!member) throw new Error(`no staff ${registration}`);

  let captured: CompiledQuery | undefined;
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      captured = event.query;
    },
  });
  await createProtocolRepository().search(
    db,
    {
      agencyId: member.agency_id,
      attendantId: member.id,
      statuses: ['pending'],
      limit: PENDING_LIST_LIMIT,
    },
    { kind: 'all' },
  );
  if (!captured) throw new Error('the pending query was not captured');
  const plan = await pool.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) ${captured.sql}`,
    [...captured.parameters],
  );

  return plan.rows.map((row) => row['QUERY PLAN']);
}

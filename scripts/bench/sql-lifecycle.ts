import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { eventHash, genesisHash } from '@server/modules/audit/event-hash.ts';
import { priceAttendance, type SaleLine } from '@server/modules/protocol/pricing.ts';
import type { PersonalDataVault } from '@server/security/personal-data.ts';
import { buildProtocolCode } from '@shared/protocol/protocol-code.ts';
import { cpfFormData, CPFS } from '@test/factories.ts';

type Attendant = { id: string; agencyId: string; label: string };

/** What the baseline needs of the catalogue, read once: the API reads it on every request. */
export type BaselineCatalogue = {
  service: { id: string; code: string; name: string; clientId: string; contractId: string };
  modality: string;
  formDefinitionId: string;
  tariff: { id: string; amountCents: number };
  items: { code: string; description: string; unitAmountCents: number; quantity: number }[];
  attendants: Attendant[];
};

export async function loadBaselineCatalogue(
  pool: pg.Pool,
  serviceCode: string,
  registrations: string[],
): Promise<BaselineCatalogue> {
  const service = await pool.query(
    `select s.id, s.code, s.name, s.client_id, s.contract_id, c.modality,
       (select id from form_definitions f where f.service_id = s.id and f.status = 'published'
         order by version desc limit 1) as form_id,
       (select id from tariffs t where t.service_id = s.id order by valid_from desc limit 1) as tariff_id,
       (select amount_cents from tariffs t where t.service_id = s.id
         order by valid_from desc limit 1) as amount_cents
     from services s join contracts c on c.id = s.contract_id where s.code = $1`,
    [serviceCode],
  );
  const row = service.rows[0];
  const items = await pool.query(
    `select code, description, unit_amount_cents, quantity from associated_items
     where service_id = $1 and active order by code`,
    [row.id],
  );
  const staff = await pool.query(
    `select id, agency_id, registration, name from staff where registration = any($1)`,
    [registrations],
  );

  return {
    service: {
      id: row.id,
      code: row.code,
      name: row.name,
      clientId: row.client_id,
      contractId: row.contract_id,
    },
    modality: row.modality,
    formDefinitionId: row.form_id,
    tariff: { id: row.tariff_id, amountCents: Number(row.amount_cents) },
    items: items.rows.map((item) => ({
      code: item.code,
      description: item.description,
      unitAmountCents: Number(item.unit_amount_cents),
      quantity: item.quantity,
    })),
    attendants: staff.rows.map((member) => ({
      id: member.id,
      agencyId: member.agency_id,
      label: `${member.registration} ${member.name}`,
    })),
  };
}

type ChainHead = { id: string; code: string; eventCount: number; lastEventHash: string | null };

const EVENT_INSERT = `insert into protocol_events (protocol_id, sequence, type, from_status,
  to_status, actor_kind, actor_id, actor_label, agency_id, reason, note, data, occurred_at,
  prev_hash, hash) values ($1, $2, $3, $4, $5, 'staff', $6, $7, $8, null, null, $9, $10, $11, $12)`;

const OUTBOX_INSERT = `insert into outbox (topic, aggregate_id, payload)
  values ('protocol.statusChanged', $1, $2)`;

function statusChanged(code: string, from: string | null, to: string, at: Date) {
  const message = { protocolCode: code, fromStatus: from, toStatus: to, reason: null };

  return JSON.stringify({ ...message, occurredAt: at.toISOString() });
}

async function appendEvent(
  client: pg.PoolClient,
  head: ChainHead,
  attendant: Attendant,
  event: { type: string; from: string | null; to: string; data: Record<string, unknown> },
  at: Date,
): Promise<string> {
  const fields = {
    protocolId: head.id,
    sequence: head.eventCount + 1,
    type: event.type,
    fromStatus: event.from,
    toStatus: event.to,
    actorKind: 'staff',
    actorId: attendant.id,
    actorLabel: attendant.label,
    agencyId: attendant.agencyId,
    terminal: null,
    reason: null,
    note: null,
    data: event.data,
    occurredAt: at,
    prevHash: head.lastEventHash ?? genesisHash(head.id, head.code),
  };
  const hash = eventHash(fields);
  await client.query(EVENT_INSERT, [
    fields.protocolId,
    fields.sequence,
    fields.type,
    fields.fromStatus,
    fields.toStatus,
    attendant.id,
    attendant.label,
    attendant.agencyId,
    JSON.stringify(event.data),
    at,
    fields.prevHash,
    hash,
  ]);

  return hash;
}

async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');

    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

function lineValues(protocolId: string, lines: SaleLine[]) {
  const params: unknown[] = [];
  const rows = lines.map((line) => {
    const base = params.length;
    params.push(
      protocolId,
      line.lineNumber,
      line.kind,
      line.itemCode,
      line.description,
      line.quantity,
      line.unitCents,
      line.totalCents,
      line.tariffId,
    );

    return `(${Array.from({ length: 9 }, (_, index) => `$${base + index + 1}`).join(', ')})`;
  });

  return { sql: rows.join(', '), params };
}

async function lockProtocol(client: pg.PoolClient, code: string) {
  const locked = await client.query(
    `select id, code, status, event_count, last_event_hash from protocols
     where code = $1 for update`,
    [code],
  );
  const row = locked.rows[0];

  return {
    id: row.id as string,
    code: row.code as string,
    eventCount: row.event_count as number,
    lastEventHash: row.last_event_hash as string | null,
  };
}

/**
 * The same lifecycle written by hand over `pg`, as fast as plain SQL goes: the same rows
 * (protocol, sale lines, hash-chained events, outbox messages), in three transactions with the
 * same row lock, but with the catalogue read once and the citizen's data sealed once. It is the
 * ceiling the API is compared with.
 */
export function sqlLifecycle(
  pool: pg.Pool,
  catalogue: BaselineCatalogue,
  vault: PersonalDataVault,
  tag: string,
) {
  const citizenSealed = vault.seal({ document: { kind: 'cpf', number: CPFS[0] }, name: null });
  const formSealed = vault.seal(cpfFormData());
  const documentHash = vault.indexOf(CPFS[0]);
  const priced = priceAttendance({
    service: catalogue.service,
    unit: { amountCents: catalogue.tariff.amountCents, tariffId: catalogue.tariff.id },
    quantity: 1,
    associatedItems: catalogue.items,
  });
  let sale = 0;

  async function create(attendant: Attendant): Promise<string> {
    return transaction(pool, async (client) => {
      const now = new Date();
      const sequence = await client.query<{ value: string }>(
        `select nextval('protocol_number_seq') as value`,
      );
      const head: ChainHead = {
        id: randomUUID(),
        code: buildProtocolCode(now.getUTCFullYear(), Number(sequence.rows[0]?.value)),
        eventCount: 0,
        lastEventHash: null,
      };
      await client.query(
        `insert into protocols (id, code, client_id, contract_id, service_id, agency_id,
          attendant_id, attendance_type, status, modality, citizen_document_kind,
          citizen_document_hash, citizen_sealed, form_definition_id, form_data_sealed,
          documents_checked, tariff_id, total_cents, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, 'inPerson', 'pending', $8, 'cpf', $9, $10, $11, $12,
          $13, $14, $15, $16, $16)`,
        [
          head.id,
          head.code,
          catalogue.service.clientId,
          catalogue.service.contractId,
          catalogue.service.id,
          attendant.agencyId,
          attendant.id,
          catalogue.modality,
          documentHash,
          citizenSealed,
          catalogue.formDefinitionId,
          formSealed,
          ['identidade', 'residencia'],
          catalogue.tariff.id,
          priced.totalCents,
          now,
        ],
      );
      const lines = lineValues(head.id, priced.lines);
      await client.query(
        `insert into protocol_lines (protocol_id, line_number, kind, item_code, description,
          quantity, unit_cents, total_cents, tariff_id) values ${lines.sql}`,
        lines.params,
      );
      const event = { type: 'created', from: null, to: 'pending', data: { totalCents: 0 } };
      const hash = await appendEvent(client, head, attendant, event, now);
      await client.query(
        `update protocols set event_count = 1, last_event_hash = $2 where id = $1`,
        [head.id, hash],
      );
      await client.query(OUTBOX_INSERT, [head.id, statusChanged(head.code, null, 'pending', now)]);

      return head.code;
    });
  }

  async function generate(attendant: Attendant, code: string) {
    await transaction(pool, async (client) => {
      const now = new Date();
      const head = await lockProtocol(client, code);
      const event = { type: 'attendanceGenerated', from: 'pending', to: 'pending', data: {} };
      const hash = await appendEvent(client, head, attendant, event, now);
      await client.query(
        `update protocols set event_count = $2, last_event_hash = $3 where id = $1`,
        [head.id, head.eventCount + 1, hash],
      );
    });
  }

  async function finalise(attendant: Attendant, code: string, worker: number) {
    sale += 1;
    const reference = [`S${worker}`, `${tag}${sale}`, `${sale}`];
    await transaction(pool, async (client) => {
      const now = new Date();
      const head = await lockProtocol(client, code);
      const event = { type: 'finalise', from: 'pending', to: 'finalised', data: { reference } };
      const hash = await appendEvent(client, head, attendant, event, now);
      await client.query(
        `update protocols set status = 'finalised', counter_till = $2, counter_entry_number = $3,
          counter_attendance_number = $4, event_count = $5, last_event_hash = $6,
          updated_at = $7 where id = $1`,
        [head.id, ...reference, head.eventCount + 1, hash, now],
      );
      await client.query(OUTBOX_INSERT, [
        head.id,
        statusChanged(code, 'pending', 'finalised', now),
      ]);
    });
  }

  return async (worker: number) => {
    const attendant = catalogue.attendants[worker % catalogue.attendants.length];
    if (!attendant) throw new Error('no attendants loaded');
    const code = await create(attendant);
    await generate(attendant, code);
    await finalise(attendant, code, worker);
  };
}

import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Database } from '@server/db/database.ts';
import type { ProtocolEventsTable, ProtocolLinesTable, ProtocolsTable } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';
import type { ProtocolStatus } from '@shared/protocol/lifecycle.ts';

type Reader = Database | Tx;

/** Who may see which protocols, as a filter every list and lookup applies in SQL. */
export type Visibility = { kind: 'all' } | { kind: 'agency'; agencyId: string; staffId: string };

/** A priced line as the sale grid and the receipt show it. */
export type SaleLineRow = Pick<
  Selectable<ProtocolLinesTable>,
  | 'lineNumber'
  | 'kind'
  | 'itemCode'
  | 'description'
  | 'quantity'
  | 'unitCents'
  | 'extrasCents'
  | 'discountCents'
  | 'totalCents'
>;

export type ProtocolSearch = {
  code?: string;
  documentHash?: string;
  agencyId?: string;
  attendantId?: string;
  statuses?: ProtocolStatus[];
  limit: number;
};

export function createProtocolRepository() {
  function viewQuery(db: Reader) {
    return db
      .selectFrom('protocols as p')
      .innerJoin('clients as c', 'c.id', 'p.clientId')
      .innerJoin('contracts as ct', 'ct.id', 'p.contractId')
      .innerJoin('services as s', 's.id', 'p.serviceId')
      .leftJoin('agencies as a', 'a.id', 'p.agencyId')
      .leftJoin('staff as st', 'st.id', 'p.attendantId')
      .select([
        'p.id',
        'p.code',
        'p.status',
        'p.attendanceType',
        'p.modality',
        'p.citizenDocumentKind',
        'p.citizenSealed',
        'p.totalCents',
        'p.ticketText',
        'p.isTest',
        'p.expiresAt',
        'p.createdAt',
        'p.updatedAt',
        'p.agencyId',
        'p.attendantId',
        'p.formDefinitionId',
        'p.documentsChecked',
        'p.counterTill',
        'p.counterEntryNumber',
        'p.counterAttendanceNumber',
        'c.id as clientId',
        'c.name as clientName',
        'c.cnpj as clientCnpj',
        'ct.number as contractNumber',
        'ct.adminCode',
        'ct.postalCard',
        's.id as serviceId',
        's.code as serviceCode',
        's.name as serviceName',
        's.description as serviceDescription',
        'a.code as agencyCode',
        'a.name as agencyName',
        'st.registration as attendantRegistration',
        'st.name as attendantName',
      ]);
  }

  function visibleTo(visibility: Visibility) {
    return (query: ReturnType<typeof viewQuery>) => {
      if (visibility.kind === 'all') {
        return query;
      }

      // An attendant sees the protocols of their own agency, the ones they attended themselves
      // (virtual ones have no agency), and pre-attendances waiting for any counter.
      return query.where((eb) =>
        eb.or([
          eb('p.agencyId', '=', visibility.agencyId),
          eb('p.attendantId', '=', visibility.staffId),
          eb.and([eb('p.agencyId', 'is', null), eb('p.status', '=', 'preAttendance')]),
        ]),
      );
    };
  }

  function listLines(db: Reader, protocolId: string) {
    return db
      .selectFrom('protocolLines')
      .selectAll()
      .where('protocolId', '=', protocolId)
      .orderBy('lineNumber')
      .execute();
  }

  /** The view with the chain head a transition needs. */
  function lockableViewQuery(tx: Tx, code: string) {
    return viewQuery(tx).select(['p.eventCount', 'p.lastEventHash']).where('p.code', '=', code);
  }

  return {
    async nextSequence(tx: Tx): Promise<number> {
      const result = await sql<{
        value: number;
      }>`select nextval('protocol_number_seq') as value`.execute(tx);

      return Number(result.rows[0]?.value);
    },

    async insert(tx: Tx, values: Insertable<ProtocolsTable>) {
      return tx
        .insertInto('protocols')
        .values(values)
        .returning(['id', 'createdAt'])
        .executeTakeFirstOrThrow();
    },

    async insertLines(tx: Tx, lines: Insertable<ProtocolLinesTable>[]) {
      if (lines.length > 0) {
        await tx.insertInto('protocolLines').values(lines).execute();
      }
    },

    async insertEvent(tx: Tx, event: Insertable<ProtocolEventsTable>) {
      await tx.insertInto('protocolEvents').values(event).execute();
    },

    /**
     * Writes a new protocol with its priced lines and its first event in one statement (the
     * foreign keys are checked at its end, when all three are in).
     */
    async insertCreated(
      tx: Tx,
      protocol: Insertable<ProtocolsTable>,
      lines: Insertable<ProtocolLinesTable>[],
      event: Insertable<ProtocolEventsTable>,
    ) {
      const withProtocol = tx.with('insertedProtocol', (db) =>
        db.insertInto('protocols').values(protocol),
      );
      if (lines.length === 0) {
        await withProtocol.insertInto('protocolEvents').values(event).execute();

        return;
      }
      await withProtocol
        .with('insertedLines', (db) => db.insertInto('protocolLines').values(lines))
        .insertInto('protocolEvents')
        .values(event)
        .execute();
    },

    /**
     * Appends an event to a locked protocol's history and writes the row's new state (its new
     * chain head included) in one statement.
     */
    async appendEvent(
      tx: Tx,
      event: Insertable<ProtocolEventsTable>,
      patch: Updateable<ProtocolsTable>,
    ) {
      if (typeof event.protocolId !== 'string') {
        throw new Error('an event names its protocol');
      }
      await tx
        .with('appendedEvent', (db) => db.insertInto('protocolEvents').values(event))
        .updateTable('protocols')
        .set(patch)
        .where('id', '=', event.protocolId)
        .execute();
    },

    /** Locks the protocol row until the transaction ends: transitions on it queue up here. */
    lockByCode(tx: Tx, code: string) {
      return tx
        .selectFrom('protocols')
        .selectAll()
        .where('code', '=', code)
        .forUpdate()
        .executeTakeFirst();
    },

    /**
     * Locks the protocol row like `lockByCode` and reads, in the same statement, everything its
     * responses show: the view, plus the chain head a transition needs.
     */
    async lockViewByCode(tx: Tx, code: string) {
      const lines = sql<SaleLineRow[]>`(select coalesce(json_agg(json_build_object(
          'lineNumber', l.line_number, 'kind', l.kind, 'itemCode', l.item_code,
          'description', l.description, 'quantity', l.quantity, 'unitCents', l.unit_cents,
          'extrasCents', l.extras_cents, 'discountCents', l.discount_cents,
          'totalCents', l.total_cents) order by l.line_number), '[]'::json)
        from protocol_lines l where l.protocol_id = p.id)`;
      // The row as this statement's snapshot has it; see below.
      const snapshotEventCount = sql<number>`(select p2.event_count from protocols p2
        where p2.id = p.id)`;
      const locked = await lockableViewQuery(tx, code)
        .select([lines.as('lines'), snapshotEventCount.as('snapshotEventCount')])
        .forUpdate(['p'])
        .executeTakeFirst();
      if (!locked) {
        return undefined;
      }
      const { snapshotEventCount: seen, ...row } = locked;
      if (seen === row.eventCount) {
        return row;
      }

      // Another transaction changed the protocol (every change appends an event) while this one
      // waited for the lock: PostgreSQL then hands over the row as it now is, but the joined
      // rows and the lines come from before that change. Read them again, the row now locked.
      const fresh = await lockableViewQuery(tx, code).executeTakeFirstOrThrow();

      return { ...fresh, lines: await listLines(tx, fresh.id) };
    },

    async update(tx: Tx, id: string, patch: Updateable<ProtocolsTable>) {
      await tx.updateTable('protocols').set(patch).where('id', '=', id).execute();
    },

    findView(db: Reader, code: string, visibility: Visibility) {
      return visibleTo(visibility)(viewQuery(db)).where('p.code', '=', code).executeTakeFirst();
    },

    search(db: Reader, search: ProtocolSearch, visibility: Visibility) {
      let query = visibleTo(visibility)(viewQuery(db));
      if (search.code) query = query.where('p.code', '=', search.code);
      if (search.documentHash)
        query = query.where('p.citizenDocumentHash', '=', search.documentHash);
      if (search.agencyId) query = query.where('p.agencyId', '=', search.agencyId);
      if (search.attendantId) query = query.where('p.attendantId', '=', search.attendantId);
      if (search.statuses) query = query.where('p.status', 'in', search.statuses);

      return query.orderBy('p.createdAt', 'desc').limit(search.limit).execute();
    },

    listLines,

    listEvents(db: Reader, protocolId: string) {
      return db
        .selectFrom('protocolEvents as e')
        .leftJoin('agencies as a', 'a.id', 'e.agencyId')
        .selectAll('e')
        .select(['a.code as agencyCode', 'a.name as agencyName'])
        .where('e.protocolId', '=', protocolId)
        .orderBy('e.sequence')
        .execute();
    },

    async lastEventAt(db: Reader, protocolId: string, type: string): Promise<Date | null> {
      const row = await db
        .selectFrom('protocolEvents')
        .select('occurredAt')
        .where('protocolId', '=', protocolId)
        .where('type', '=', type)
        .orderBy('sequence', 'desc')
        .limit(1)
        .executeTakeFirst();

      return row?.occurredAt ?? null;
    },

    findFormData(db: Reader, protocolId: string) {
      return db
        .selectFrom('protocols')
        .select(['formDataSealed', 'formDefinitionId'])
        .where('id', '=', protocolId)
        .executeTakeFirst();
    },

    /** Pre-attendances past their date, locked for this transaction; other servers skip them. */
    lockDueForExpiry(tx: Tx, now: Date, limit: number) {
      return tx
        .selectFrom('protocols')
        .selectAll()
        .where('status', '=', 'preAttendance')
        .where('expiresAt', '<=', now)
        .orderBy('expiresAt')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
    },
  };
}

export type ProtocolRepository = ReturnType<typeof createProtocolRepository>;
export type ProtocolViewRow = NonNullable<Awaited<ReturnType<ProtocolRepository['findView']>>>;
export type ProtocolRow = NonNullable<Awaited<ReturnType<ProtocolRepository['lockByCode']>>>;
export type LockedProtocolView = NonNullable<
  Awaited<ReturnType<ProtocolRepository['lockViewByCode']>>
>;

import { sql } from 'kysely';
import type { Database } from '@server/db/database.ts';
import type {
  DifferenceStatus,
  ProtocolsTable,
  ReconciliationDifferencesTable,
} from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';

type Reader = Database | Tx;

/** A protocol settled at a counter, as STER recorded it. */
export type CounterProtocol = {
  id: string;
  code: string;
  status: ProtocolsTable['status'];
  till: string;
  entryNumber: string;
  attendanceNumber: string;
  totalCents: number;
};

/** A difference found by a comparison, before it is stored with its import. */
export type DifferenceDraft = Pick<
  ReconciliationDifferencesTable,
  'agencyId' | 'kind' | 'protocolId' | 'protocolCode' | 'reference' | 'sterCents' | 'reportedCents'
>;

const FINALISED_AT = sql`
  join lateral (
    select e.occurred_at, e.actor_id from protocol_events e
    where e.protocol_id = p.id and e.to_status = 'finalised'
    order by e.sequence limit 1
  ) f on true`;

export function createReconciliationRepository() {
  return {
    /** Every real protocol of the agency finalised at a counter in `[from, to)`, whatever now. */
    async counterDay(db: Reader, agencyId: string, from: Date, to: Date) {
      const result = await sql<CounterProtocol>`
        select p.id, p.code, p.status, p.counter_till as till,
          p.counter_entry_number as "entryNumber",
          p.counter_attendance_number as "attendanceNumber", p.total_cents as "totalCents"
        from protocols p ${FINALISED_AT}
        where p.agency_id = ${agencyId} and p.counter_till is not null and not p.is_test
          and f.occurred_at >= ${from} and f.occurred_at < ${to}
        order by p.counter_till, p.counter_entry_number, p.counter_attendance_number
      `.execute(db);

      return result.rows;
    },

    findByReference(
      db: Reader,
      agencyId: string,
      ref: { till: string; entryNumber: string; attendanceNumber: string },
    ) {
      return db
        .selectFrom('protocols')
        .select(['id', 'code', 'status', 'totalCents'])
        .where('agencyId', '=', agencyId)
        .where('counterTill', '=', ref.till)
        .where('counterEntryNumber', '=', ref.entryNumber)
        .where('counterAttendanceNumber', '=', ref.attendanceNumber)
        .executeTakeFirst();
    },

    /** The day's cash attendances of an agency per attendant and till. */
    async cashDay(db: Reader, agencyId: string, from: Date, to: Date) {
      const result = await sql<{
        registration: string | null;
        name: string | null;
        till: string | null;
        count: number;
        totalCents: number;
        reversedCount: number;
        reversedCents: number;
      }>`
        select s.registration, s.name, p.counter_till as till, count(*)::int as count,
          coalesce(sum(p.total_cents), 0)::bigint as "totalCents",
          (count(*) filter (where p.status = 'reversed'))::int as "reversedCount",
          coalesce(sum(p.total_cents) filter (where p.status = 'reversed'), 0)::bigint
            as "reversedCents"
        from protocols p ${FINALISED_AT}
        left join staff s on s.id = f.actor_id
        where p.agency_id = ${agencyId} and p.modality = 'cash' and not p.is_test
          and f.occurred_at >= ${from} and f.occurred_at < ${to}
        group by s.registration, s.name, p.counter_till
        order by s.registration, p.counter_till
      `.execute(db);

      return result.rows.map((row) => ({
        ...row,
        totalCents: Number(row.totalCents),
        reversedCents: Number(row.reversedCents),
      }));
    },

    findAgency(db: Reader, agencyId: string) {
      return db
        .selectFrom('agencies')
        .select(['id', 'code', 'name'])
        .where('id', '=', agencyId)
        .executeTakeFirst();
    },

    findClose(db: Reader, agencyId: string, businessDate: string) {
      return db
        .selectFrom('dayCloses')
        .select(['closedAt', 'closedByLabel', 'attendanceCount', 'totalCents'])
        .where('agencyId', '=', agencyId)
        .where('businessDate', '=', businessDate)
        .executeTakeFirst();
    },

    insertClose(
      tx: Tx,
      values: {
        agencyId: string;
        businessDate: string;
        attendanceCount: number;
        totalCents: number;
        summary: Record<string, unknown>;
        closedBy: string;
        closedByLabel: string;
        closedAt: Date;
      },
    ) {
      return tx
        .insertInto('dayCloses')
        .values({ ...values, summary: JSON.stringify(values.summary) })
        .execute();
    },

    findImport(tx: Tx, source: 'counter' | 'erp', agencyId: string | null, fileHash: string) {
      let query = tx
        .selectFrom('reconciliationImports')
        .selectAll()
        .where('source', '=', source)
        .where('fileHash', '=', fileHash);
      query = agencyId
        ? query.where('agencyId', '=', agencyId)
        : query.where('agencyId', 'is', null);

      return query.executeTakeFirst();
    },

    async insertImport(
      tx: Tx,
      values: {
        source: 'counter' | 'erp';
        agencyId: string | null;
        businessDate: string | null;
        fileHash: string;
        rowCount: number;
        importedBy: string;
        importedByLabel: string;
        importedAt: Date;
      },
      differences: DifferenceDraft[],
    ) {
      const created = await tx
        .insertInto('reconciliationImports')
        .values({ ...values, differenceCount: differences.length })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (differences.length > 0) {
        await tx
          .insertInto('reconciliationDifferences')
          .values(
            differences.map((difference) => ({
              ...difference,
              importId: created.id,
              createdAt: values.importedAt,
            })),
          )
          .execute();
      }

      return created.id;
    },

    /** Issued statements by number, with what STER billed per protocol on each. */
    async billedOn(db: Reader, numbers: string[]) {
      if (numbers.length === 0) {
        return [];
      }
      const result = await sql<{
        statementNumber: string;
        protocolId: string;
        protocolCode: string;
        agencyId: string | null;
        cents: number;
      }>`
        select st.number as "statementNumber", l.protocol_id as "protocolId",
          l.protocol_code as "protocolCode", l.agency_id as "agencyId",
          sum(l.total_cents)::bigint as cents
        from statements st join statement_lines l on l.statement_id = st.id
        where st.status = 'issued' and st.number in (${sql.join(numbers)})
        group by st.number, l.protocol_id, l.protocol_code, l.agency_id
      `.execute(db);

      return result.rows.map((row) => ({ ...row, cents: Number(row.cents) }));
    },

    /**
     * Billable protocols that no issued statement charged although their period was issued:
     * for the contracts of the given statements, finalised before the last issued period ends.
     */
    async neverBilled(db: Reader, numbers: string[]) {
      if (numbers.length === 0) {
        return [];
      }
      const result = await sql<{
        id: string;
        code: string;
        agencyId: string | null;
        totalCents: number;
      }>`
        with issued as (
          select st.contract_id, max(st.period_end) as last_end
          from statements st
          where st.status = 'issued' and st.contract_id in (
            select contract_id from statements where number in (${sql.join(numbers)}))
          group by st.contract_id
        )
        select p.id, p.code, p.agency_id as "agencyId", p.total_cents as "totalCents"
        from protocols p join issued i on i.contract_id = p.contract_id ${FINALISED_AT}
        where p.status = 'finalised' and not p.is_test
          and (p.modality = 'invoiced' or p.attendance_type = 'virtual')
          and (f.occurred_at at time zone 'America/Sao_Paulo')::date <= i.last_end
          and not exists (
            select 1 from billed_protocols b where b.protocol_id = p.id and b.kind = 'charge')
        order by p.code
      `.execute(db);

      return result.rows;
    },

    async listDifferences(
      db: Reader,
      filter: {
        agencyId?: string | undefined;
        backOffice: boolean;
        status?: DifferenceStatus | undefined;
        importId?: string | undefined;
        id?: string | undefined;
        limit: number;
      },
    ) {
      let query = db
        .selectFrom('reconciliationDifferences as d')
        .innerJoin('reconciliationImports as i', 'i.id', 'd.importId')
        .leftJoin('agencies as a', 'a.id', 'd.agencyId')
        .select([
          'd.id',
          'd.kind',
          'd.status',
          'd.protocolCode',
          'd.reference',
          'd.sterCents',
          'd.reportedCents',
          'd.createdAt',
          'd.importId',
          'i.source',
          'i.businessDate',
          'a.code as agencyCode',
          'a.name as agencyName',
        ]);
      if (filter.agencyId) {
        query = query.where('d.agencyId', '=', filter.agencyId);
      } else if (!filter.backOffice) {
        query = query.where(sql<boolean>`false`);
      }
      if (filter.status) {
        query = query.where('d.status', '=', filter.status);
      }
      if (filter.importId) {
        query = query.where('d.importId', '=', filter.importId);
      }
      if (filter.id) {
        query = query.where('d.id', '=', filter.id);
      }
      const rows = await query
        .orderBy('d.createdAt', 'desc')
        .orderBy('d.kind')
        .orderBy('d.reference')
        .limit(filter.limit)
        .execute();
      const notes =
        rows.length === 0
          ? []
          : await db
              .selectFrom('reconciliationNotes')
              .select(['differenceId', 'note', 'resolution', 'authorLabel', 'createdAt'])
              .where(
                'differenceId',
                'in',
                rows.map((row) => row.id),
              )
              .orderBy('id')
              .execute();

      return rows.map((row) => ({
        ...row,
        notes: notes.filter((note) => note.differenceId === row.id),
      }));
    },

    lockDifference(tx: Tx, id: string) {
      return tx
        .selectFrom('reconciliationDifferences')
        .select(['id', 'agencyId', 'status'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    async addNote(
      tx: Tx,
      values: {
        differenceId: string;
        note: string;
        resolution: 'explained' | 'resolved' | null;
        authorId: string;
        authorLabel: string;
        createdAt: Date;
      },
    ) {
      await tx.insertInto('reconciliationNotes').values(values).execute();
      if (values.resolution) {
        await tx
          .updateTable('reconciliationDifferences')
          .set({ status: values.resolution })
          .where('id', '=', values.differenceId)
          .execute();
      }
    },
  };
}

export type ReconciliationRepository = ReturnType<typeof createReconciliationRepository>;

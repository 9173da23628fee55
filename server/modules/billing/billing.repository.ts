import { sql } from 'kysely';
import type { Database } from '@server/db/database.ts';
import type { StatementLinesTable } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';

type Reader = Database | Tx;

/** A statement line before it is numbered and stored. */
export type LineDraft = Omit<StatementLinesTable, 'statementId' | 'lineNumber'>;

export type StatementTotals = {
  chargeCents: number;
  creditCents: number;
  totalCents: number;
  lineCount: number;
  contentHash: string;
};

/** Columns a statement line is read with, shared by charges and credits. */
const LINE_COLUMNS = sql`
  s.id as "serviceId", s.code as "serviceCode", s.name as "serviceName",
  a.id as "agencyId", a.code as "agencyCode", a.name as "agencyName"`;

export function createBillingRepository() {
  return {
    /**
     * Locks the contract for billing. Runs of the job and on-demand calls for the same contract
     * queue behind each other; with `skipLocked` a job on another server simply moves on.
     */
    async lockContract(tx: Tx, contractId: string, skipLocked = false) {
      const query = tx
        .selectFrom('contracts')
        .select(['id', 'number', 'clientId', 'billingPeriod', 'modality'])
        .where('id', '=', contractId);

      return (skipLocked ? query.forUpdate().skipLocked() : query.forUpdate()).executeTakeFirst();
    },

    listContracts(db: Reader) {
      return db
        .selectFrom('contracts as c')
        .innerJoin('clients as cl', 'cl.id', 'c.clientId')
        .select([
          'c.id',
          'c.number',
          'c.modality',
          'c.billingPeriod',
          'c.active',
          'cl.code as clientCode',
          'cl.name as clientName',
        ])
        .orderBy('cl.name')
        .orderBy('c.number')
        .execute();
    },

    setBillingPeriod(tx: Tx, contractId: string, billingPeriod: 'monthly' | 'fortnightly') {
      return tx
        .updateTable('contracts')
        .set({ billingPeriod })
        .where('id', '=', contractId)
        .returning(['id', 'number', 'billingPeriod'])
        .executeTakeFirstOrThrow();
    },

    /**
     * Every line of every protocol of the contract finalised in `[from, to)` that is billable:
     * invoiced or virtual, not a sandbox test, still finalised now, and never charged before.
     */
    async chargeCandidates(tx: Tx, contractId: string, from: Date, to: Date) {
      const result = await sql<LineDraft>`
        select 'charge' as kind, p.id as "protocolId", p.code as "protocolCode",
          l.kind as "itemKind", l.item_code as "itemCode", l.description, l.quantity,
          l.unit_cents as "unitCents", l.total_cents as "totalCents",
          to_char(f.occurred_at at time zone 'America/Sao_Paulo', 'YYYY-MM-DD') as "occurredOn",
          ${LINE_COLUMNS}
        from protocols p
        join lateral (
          select e.occurred_at from protocol_events e
          where e.protocol_id = p.id and e.to_status = 'finalised'
          order by e.sequence limit 1
        ) f on true
        join protocol_lines l on l.protocol_id = p.id
        join services s on s.id = p.service_id
        left join agencies a on a.id = p.agency_id
        where p.contract_id = ${contractId} and p.status = 'finalised' and not p.is_test
          and (p.modality = 'invoiced' or p.attendance_type = 'virtual')
          and f.occurred_at >= ${from} and f.occurred_at < ${to}
          and not exists (
            select 1 from billed_protocols b where b.protocol_id = p.id and b.kind = 'charge'
          )
        order by f.occurred_at, p.code, l.line_number
      `.execute(tx);

      return result.rows;
    },

    /**
     * Credits for protocols of the contract that were charged on an issued statement and
     * reversed before `to`: the lines they were charged with, negated, dated by the reversal.
     */
    async creditCandidates(tx: Tx, contractId: string, to: Date) {
      const result = await sql<LineDraft>`
        select 'credit' as kind, p.id as "protocolId", p.code as "protocolCode",
          sl.item_kind as "itemKind", sl.item_code as "itemCode", sl.description, sl.quantity,
          sl.unit_cents as "unitCents", -sl.total_cents as "totalCents",
          to_char(r.occurred_at at time zone 'America/Sao_Paulo', 'YYYY-MM-DD') as "occurredOn",
          ${LINE_COLUMNS}
        from billed_protocols b
        join protocols p on p.id = b.protocol_id
        join statement_lines sl on sl.statement_id = b.statement_id and sl.protocol_id = p.id
          and sl.kind = 'charge'
        join lateral (
          select e.occurred_at from protocol_events e
          where e.protocol_id = p.id and e.to_status = 'reversed'
          order by e.sequence limit 1
        ) r on true
        join services s on s.id = sl.service_id
        left join agencies a on a.id = sl.agency_id
        where b.kind = 'charge' and p.contract_id = ${contractId} and p.status = 'reversed'
          and r.occurred_at < ${to}
          and not exists (
            select 1 from billed_protocols c where c.protocol_id = p.id and c.kind = 'credit'
          )
        order by r.occurred_at, p.code, sl.line_number
      `.execute(tx);

      return result.rows;
    },

    findByPeriod(tx: Tx, contractId: string, periodStart: string) {
      return tx
        .selectFrom('statements')
        .selectAll()
        .where('contractId', '=', contractId)
        .where('periodStart', '=', periodStart)
        .executeTakeFirst();
    },

    async createDraft(
      tx: Tx,
      values: {
        number: string;
        contractId: string;
        clientId: string;
        periodStart: string;
        periodEnd: string;
        generatedAt: Date;
        generatedBy: string;
      },
    ) {
      const row = await tx
        .insertInto('statements')
        .values({
          ...values,
          status: 'draft',
          chargeCents: 0,
          creditCents: 0,
          totalCents: 0,
          lineCount: 0,
          contentHash: '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      return row.id;
    },

    /** Replaces a draft's lines and totals; the trigger refuses this once it is issued. */
    async replaceLines(
      tx: Tx,
      statementId: string,
      lines: LineDraft[],
      totals: StatementTotals,
      generated: { at: Date; by: string },
    ) {
      await tx.deleteFrom('statementLines').where('statementId', '=', statementId).execute();
      if (lines.length > 0) {
        await tx
          .insertInto('statementLines')
          .values(lines.map((line, index) => ({ ...line, statementId, lineNumber: index + 1 })))
          .execute();
      }
      await tx
        .updateTable('statements')
        .set({ ...totals, generatedAt: generated.at, generatedBy: generated.by })
        .where('id', '=', statementId)
        .execute();
    },

    /**
     * Marks the statement issued and records each protocol it charges or credits. The primary
     * key of `billed_protocols` is what makes "billed exactly once, ever" hold under any race.
     */
    async issue(tx: Tx, statementId: string, at: Date, by: string) {
      await tx
        .updateTable('statements')
        .set({ status: 'issued', issuedAt: at, issuedBy: by })
        .where('id', '=', statementId)
        .execute();
      await sql`
        insert into billed_protocols (protocol_id, kind, statement_id, total_cents)
        select protocol_id, kind, statement_id, sum(total_cents)
        from statement_lines where statement_id = ${statementId}
        group by protocol_id, kind, statement_id
      `.execute(tx);
    },

    list(db: Reader, filter: { contractId?: string | undefined; limit: number }) {
      let query = db
        .selectFrom('statements as st')
        .innerJoin('contracts as c', 'c.id', 'st.contractId')
        .innerJoin('clients as cl', 'cl.id', 'st.clientId')
        .select([
          'st.id',
          'st.number',
          'st.status',
          'st.periodStart',
          'st.periodEnd',
          'st.chargeCents',
          'st.creditCents',
          'st.totalCents',
          'st.lineCount',
          'st.generatedAt',
          'st.issuedAt',
          'c.number as contractNumber',
          'cl.name as clientName',
          (eb) =>
            eb
              .selectFrom('statementAcknowledgements as ack')
              .select('ack.accepted')
              .whereRef('ack.statementId', '=', 'st.id')
              .orderBy('ack.id', 'desc')
              .limit(1)
              .as('acknowledged'),
        ]);
      if (filter.contractId) {
        query = query.where('st.contractId', '=', filter.contractId);
      }

      return query
        .orderBy('st.periodStart', 'desc')
        .orderBy('st.number')
        .limit(filter.limit)
        .execute();
    },

    findHeader(db: Reader, statementId: string) {
      return db
        .selectFrom('statements as st')
        .innerJoin('contracts as c', 'c.id', 'st.contractId')
        .innerJoin('clients as cl', 'cl.id', 'st.clientId')
        .selectAll('st')
        .select([
          'c.number as contractNumber',
          'c.adminCode',
          'c.billingPeriod',
          'cl.code as clientCode',
          'cl.name as clientName',
          'cl.cnpj as clientCnpj',
        ])
        .where('st.id', '=', statementId)
        .executeTakeFirst();
    },

    lines(db: Reader, statementId: string) {
      return db
        .selectFrom('statementLines')
        .selectAll()
        .where('statementId', '=', statementId)
        .orderBy('lineNumber')
        .execute();
    },

    acknowledgements(db: Reader, statementId: string) {
      return db
        .selectFrom('statementAcknowledgements')
        .selectAll()
        .where('statementId', '=', statementId)
        .orderBy('id')
        .execute();
    },

    /** Contracts the job may have to bill: active, with an invoiced modality or virtual sales. */
    billableContracts(db: Reader) {
      return db
        .selectFrom('contracts as c')
        .select(['c.id', 'c.billingPeriod', 'c.modality'])
        .where('c.active', '=', true)
        .where((eb) =>
          eb.or([
            eb('c.modality', '=', 'invoiced'),
            eb.exists(
              eb
                .selectFrom('services as s')
                .select('s.id')
                .whereRef('s.contractId', '=', 'c.id')
                .where(sql<boolean>`'virtual' = any(s.attendance_types)`),
            ),
          ]),
        )
        .orderBy('c.number')
        .execute();
    },
  };
}

export type BillingRepository = ReturnType<typeof createBillingRepository>;

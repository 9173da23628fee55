import { sql, type RawBuilder } from 'kysely';
import type { Database } from '@server/db/database.ts';
import type {
  Figures,
  GroupFigures,
  PageCursor,
  ReportFilters,
} from '@server/modules/reports/reports.filters.ts';
import type { ReportGrouping } from '@shared/reports.ts';

const TIME_ZONE = 'America/Sao_Paulo';
/** Only one server folds at a time; the others skip the turn. */
const FOLD_LOCK = 7_014_001;

/** The columns of a group key, on the aggregate (`report_daily`) and on `protocols`. */
const AGGREGATE_KEYS: Record<Exclude<ReportGrouping, 'attendant'>, string> = {
  day: 'day::text',
  agency: 'agency_id::text',
  client: 'client_id::text',
  service: 'service_id::text',
  status: 'status',
  modality: 'modality',
};

const PROTOCOL_KEYS: Record<ReportGrouping, string> = {
  day: `(p.created_at at time zone '${TIME_ZONE}')::date::text`,
  agency: 'p.agency_id::text',
  client: 'p.client_id::text',
  service: 'p.service_id::text',
  status: 'p.status',
  modality: 'p.modality',
  attendant: 'p.attendant_id::text',
};

type FigureRow = {
  key: string | null;
  attendances: number;
  amountCents: number;
  finalisedAttendances: number;
  finalisedAmountCents: number;
};

/** The instant a São Paulo day starts, as SQL. */
const dayStart = (day: string) => sql`((${day}::date)::timestamp at time zone ${TIME_ZONE})`;
const dayAfter = (day: string) => sql`((${day}::date + 1)::timestamp at time zone ${TIME_ZONE})`;

function equal(column: string, value: string | undefined): RawBuilder<unknown>[] {
  return value === undefined ? [] : [sql`${sql.ref(column)} = ${value}`];
}

/** The dimension filters both sources share; `prefix` is `p.` on protocols. */
function dimensionFilters(filters: ReportFilters, prefix: string) {
  return [
    sql`${sql.ref(`${prefix}is_test`)} = ${filters.isTest}`,
    ...equal(`${prefix}agency_id`, filters.agencyId),
    ...equal(`${prefix}client_id`, filters.clientId),
    ...equal(`${prefix}service_id`, filters.serviceId),
    ...equal(`${prefix}status`, filters.status),
    ...equal(`${prefix}modality`, filters.modality),
  ];
}

function protocolFilters(filters: ReportFilters, from: string, to: string) {
  return [
    sql`p.created_at >= ${dayStart(from)}`,
    sql`p.created_at < ${dayAfter(to)}`,
    ...dimensionFilters(filters, 'p.'),
    ...equal('p.attendant_id', filters.attendantId),
  ];
}

const FIGURES = sql`sum(attendances)::bigint as attendances,
  sum(amount_cents)::bigint as amount_cents,
  coalesce(sum(attendances) filter (where status = 'finalised'), 0)::bigint
    as finalised_attendances,
  coalesce(sum(amount_cents) filter (where status = 'finalised'), 0)::bigint
    as finalised_amount_cents`;

export type DrillDownRow = {
  id: string;
  code: string;
  createdAt: Date;
  status: string;
  modality: string;
  citizenSealed: string;
  clientName: string;
  serviceCode: string;
  serviceName: string;
  agencyName: string | null;
  attendantRegistration: string | null;
  totalCents: number | null;
};

export function createReportsRepository() {
  /**
   * Figures per group from the aggregate plus the deltas not folded yet: one statement, so one
   * snapshot, and a fold committing meanwhile is seen wholly or not at all.
   */
  async function aggregateFigures(
    db: Database,
    filters: ReportFilters,
    groupBy: Exclude<ReportGrouping, 'attendant'> | null,
  ): Promise<GroupFigures[]> {
    const where = sql.join(
      [
        sql`day between ${filters.from}::date and ${filters.to}::date`,
        ...dimensionFilters(filters, ''),
      ],
      sql` and `,
    );
    const key = groupBy ? sql.raw(AGGREGATE_KEYS[groupBy]) : sql`null::text`;
    const source = sql`select day, agency_id, client_id, service_id, status, modality,
        attendances, amount_cents from report_daily where ${where}
      union all
      select day, agency_id, client_id, service_id, status, modality,
        attendances, amount_cents from report_deltas where ${where}`;
    const result = await sql<FigureRow>`select ${key} as key, ${FIGURES}
      from (${source}) s group by 1`.execute(db);

    return result.rows;
  }

  /** Figures straight from the protocols: for what the aggregate does not keep (attendants). */
  async function protocolFigures(
    db: Database,
    filters: ReportFilters,
    groupBy: ReportGrouping | null,
  ): Promise<GroupFigures[]> {
    const where = sql.join(protocolFilters(filters, filters.from, filters.to), sql` and `);
    const key = groupBy ? sql.raw(PROTOCOL_KEYS[groupBy]) : sql`null::text`;
    const result = await sql<FigureRow>`select ${key} as key, ${FIGURES}
      from (select p.*, 1 as attendances, coalesce(p.total_cents, 0) as amount_cents
            from protocols p where ${where}) p
      group by 1`.execute(db);

    return result.rows;
  }

  return {
    figures(db: Database, filters: ReportFilters, groupBy: ReportGrouping | null) {
      if (filters.attendantId !== undefined || groupBy === 'attendant') {
        return protocolFigures(db, filters, groupBy);
      }

      return aggregateFigures(db, filters, groupBy);
    },

    /** The drill-down: protocols newest first, a page after `cursor`. */
    async protocolPage(
      db: Database,
      filters: ReportFilters,
      cursor: PageCursor | null,
      limit: number,
    ): Promise<DrillDownRow[]> {
      const conditions = protocolFilters(filters, filters.from, filters.to);
      if (cursor) {
        conditions.push(sql`(p.created_at, p.id) < (${cursor.createdAt}, ${cursor.id}::uuid)`);
      }
      const result = await sql<DrillDownRow>`select p.id, p.code, p.created_at, p.status,
          p.modality, p.citizen_sealed, c.name as client_name, s.code as service_code,
          s.name as service_name, a.name as agency_name,
          st.registration as attendant_registration, p.total_cents
        from protocols p
        join clients c on c.id = p.client_id
        join services s on s.id = p.service_id
        left join agencies a on a.id = p.agency_id
        left join staff st on st.id = p.attendant_id
        where ${sql.join(conditions, sql` and `)}
        order by p.created_at desc, p.id desc
        limit ${limit}`.execute(db);

      return result.rows;
    },

    /** Names of the groups of a report, by key. */
    async labels(db: Database, groupBy: ReportGrouping, ids: string[]) {
      if (ids.length === 0) {
        return new Map<string, string>();
      }
      const queries: Partial<Record<ReportGrouping, RawBuilder<{ id: string; label: string }>>> = {
        agency: sql`select id::text, name || ' (' || code || ')' as label from agencies
            where id = any(${ids}::uuid[])`,
        client: sql`select id::text, name as label from clients where id = any(${ids}::uuid[])`,
        service: sql`select id::text, code || ' – ' || name as label from services
            where id = any(${ids}::uuid[])`,
        attendant: sql`select id::text, registration || ' – ' || name as label from staff
            where id = any(${ids}::uuid[])`,
      };
      const query = queries[groupBy];
      if (!query) {
        return new Map<string, string>();
      }
      const result = await query.execute(db);

      return new Map(result.rows.map((row) => [row.id, row.label]));
    },

    async agency(db: Database, id: string) {
      return db
        .selectFrom('agencies')
        .select(['id', 'code', 'name'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Counter staff (attendants and supervisors), of one agency or all, for the filter. */
    attendants(db: Database, agencyId: string | undefined) {
      let query = db
        .selectFrom('staff')
        .select(['id', sql<string>`registration || ' – ' || name`.as('label')])
        .where('role', 'in', ['attendant', 'supervisor'])
        .orderBy('name')
        .orderBy('registration');
      if (agencyId !== undefined) {
        query = query.where('agencyId', '=', agencyId);
      }

      return query.execute();
    },

    /**
     * Moves pending deltas into the daily rows, in batches, while this server holds the fold
     * lock; another server folding meanwhile makes this a no-op. Returns the deltas moved.
     */
    async fold(db: Database, batch = 20_000): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const lock = await sql<{
          locked: boolean;
        }>`select pg_try_advisory_xact_lock(${FOLD_LOCK}) as locked`.execute(trx);
        if (!lock.rows[0]?.locked) {
          return 0;
        }
        const moved = await sql<{ moved: number }>`select report_fold(${batch}) as moved`.execute(
          trx,
        );

        return moved.rows[0]?.moved ?? 0;
      });
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
export type { Figures };

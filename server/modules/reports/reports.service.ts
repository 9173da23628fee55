import type { AppContext } from '@server/context.ts';
import { AppError } from '@server/errors.ts';
import type { Actor } from '@server/modules/auth/actor.ts';
import type { SealedCitizen } from '@server/modules/protocol/protocol.presenter.ts';
import {
  decodeCursor,
  encodeCursor,
  NO_FIGURES,
  type Figures,
  type GroupFigures,
  type ReportFilters,
} from '@server/modules/reports/reports.filters.ts';
import type { ReportsRepository } from '@server/modules/reports/reports.repository.ts';
import type { DrillDownQuery, ReportQuery } from '@server/modules/reports/reports.schema.ts';
import { isCalendarDay, staffFilters } from '@server/modules/reports/reports.scope.ts';
import { maskDocument } from '@shared/documents.ts';
import { PROTOCOL_STATUS_LABELS, type ProtocolStatus } from '@shared/protocol/lifecycle.ts';
import { MODALITY_LABELS, type ReportGrouping } from '@shared/reports.ts';
import { addDays, formatDate } from '@shared/time.ts';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;
const NO_AGENCY = 'none';

function sum(rows: readonly Figures[]): Figures {
  return rows.reduce<Figures>(
    (total, row) => ({
      attendances: total.attendances + row.attendances,
      amountCents: total.amountCents + row.amountCents,
      finalisedAttendances: total.finalisedAttendances + row.finalisedAttendances,
      finalisedAmountCents: total.finalisedAmountCents + row.finalisedAmountCents,
    }),
    NO_FIGURES,
  );
}

/** Every day of the period, so a chart per day shows the quiet days too. */
function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = new Date(`${from}T12:00:00Z`); ; at = addDays(at, 1)) {
    const day = at.toISOString().slice(0, 10);
    if (day > to) {
      return days;
    }
    days.push(day);
  }
}

function fixedLabel(groupBy: ReportGrouping, key: string): string | undefined {
  switch (groupBy) {
    case 'day':
      return formatDate(key);
    case 'status':
      return PROTOCOL_STATUS_LABELS[key as ProtocolStatus];
    case 'modality':
      return MODALITY_LABELS[key as keyof typeof MODALITY_LABELS];
    case 'agency':
      return key === NO_AGENCY ? 'Sem agência (internet)' : undefined;
    case 'attendant':
      return key === NO_AGENCY ? 'Sem atendente' : undefined;
    case 'client':
    case 'service':
      return undefined;
  }
}

export function createReportsService(ctx: AppContext, reports: ReportsRepository) {
  /** One report's rows, labelled and sorted: days in order, other groups by attendances. */
  async function report(filters: ReportFilters, groupBy: ReportGrouping) {
    const [groups, totals] = await Promise.all([
      reports.figures(ctx.db, filters, groupBy),
      reports.figures(ctx.db, filters, null),
    ]);
    const byKey = new Map(groups.map((row) => [row.key ?? NO_AGENCY, row]));
    const keys = groupBy === 'day' ? daysOf(filters.from, filters.to) : [...byKey.keys()];
    const labels = await reports.labels(
      ctx.db,
      groupBy,
      keys.filter((k) => k !== NO_AGENCY),
    );
    const rows = keys.map((key) => {
      const { key: _key, ...figures }: GroupFigures = byKey.get(key) ?? { key, ...NO_FIGURES };

      return { key, label: fixedLabel(groupBy, key) ?? labels.get(key) ?? key, ...figures };
    });
    if (groupBy !== 'day') {
      rows.sort((a, b) => b.attendances - a.attendances || a.label.localeCompare(b.label));
    }

    return { totals: totals[0] ? sum(totals) : NO_FIGURES, rows };
  }

  return {
    report,

    /** Whom the attendant filter offers: counter staff see only their own agency's. */
    async attendants(actor: Actor, query: { agencyId?: string | undefined }) {
      const { filters } = staffFilters(ctx, actor, query);

      return { attendants: await reports.attendants(ctx.db, filters.agencyId) };
    },

    async attendances(actor: Actor, query: ReportQuery) {
      const { filters } = staffFilters(ctx, actor, query);
      const groupBy = query.groupBy ?? 'day';
      const [result, agency] = await Promise.all([
        report(filters, groupBy),
        filters.agencyId ? reports.agency(ctx.db, filters.agencyId) : undefined,
      ]);

      return {
        period: { from: filters.from, to: filters.to },
        groupBy,
        agency: agency ?? null,
        ...result,
      };
    },

    async protocols(actor: Actor, query: DrillDownQuery) {
      const { filters } = staffFilters(ctx, actor, query);
      if (query.day !== undefined) {
        const outside = query.day < filters.from || query.day > filters.to;
        if (outside || !isCalendarDay(query.day)) {
          throw new AppError('VALIDATION_FAILED', 'O dia está fora do período.', {
            fields: [{ field: 'query.day', code: 'invalid', message: 'Dia fora do período.' }],
          });
        }
        filters.from = query.day;
        filters.to = query.day;
      }
      const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
      if (query.cursor !== undefined && !cursor) {
        throw new AppError('VALIDATION_FAILED', 'Continuação inválida: recomece a consulta.', {
          fields: [{ field: 'query.cursor', code: 'invalid', message: 'Cursor inválido.' }],
        });
      }
      const limit = Math.min(Math.max(Number(query.limit ?? DEFAULT_PAGE), 1), MAX_PAGE);
      const rows = await reports.protocolPage(ctx.db, filters, cursor, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);

      return {
        protocols: page.map((row) => presentRow(ctx, row)),
        nextCursor:
          rows.length > limit && last
            ? encodeCursor({ createdAt: last.createdAt, id: last.id })
            : null,
      };
    },
  };
}

/** One drill-down line, with the citizen's document masked as in every list. */
export function presentRow(
  ctx: AppContext,
  row: Awaited<ReturnType<ReportsRepository['protocolPage']>>[number],
) {
  const citizen = ctx.vault.unseal<SealedCitizen>(row.citizenSealed);

  return {
    code: row.code,
    createdAt: row.createdAt.toISOString(),
    status: row.status,
    statusLabel: PROTOCOL_STATUS_LABELS[row.status as ProtocolStatus],
    modality: row.modality,
    citizenDocument: maskDocument(citizen.document),
    client: row.clientName,
    service: `${row.serviceCode} – ${row.serviceName}`,
    agency: row.agencyName,
    attendant: row.attendantRegistration,
    totalCents: row.totalCents ?? 0,
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;

import type { AppContext } from '@server/context.ts';
import { inTransaction, isUniqueViolation } from '@server/db/transaction.ts';
import { AppError, notFound } from '@server/errors.ts';
import { actorLabel, type Actor } from '@server/modules/auth/actor.ts';
import {
  businessDay,
  managedAgency,
} from '@server/modules/reconciliation/reconciliation.access.ts';
import type { ReconciliationRepository } from '@server/modules/reconciliation/reconciliation.repository.ts';
import { periodInstants } from '@shared/billing/period.ts';
import { sumCents } from '@shared/money.ts';
import { localDate } from '@shared/time.ts';

/**
 * Cash day close of an agency: the day's cash attendances per attendant and till, with totals,
 * for the agency's supervisors and back office. Closing records the figures once, attributed.
 */
export function createDayCloseService(ctx: AppContext, repository: ReconciliationRepository) {
  async function summary(agencyId: string, date: string) {
    const agency = await repository.findAgency(ctx.db, agencyId);
    if (!agency) {
      throw notFound('Agência');
    }
    const { from, to } = periodInstants({ start: date, end: date });
    const rows = await repository.cashDay(ctx.db, agencyId, from, to);
    const closed = await repository.findClose(ctx.db, agencyId, date);
    const totalCents = sumCents(rows.map((row) => row.totalCents));
    const reversedCents = sumCents(rows.map((row) => row.reversedCents));

    return {
      agency,
      date,
      rows,
      totals: {
        count: rows.reduce((total, row) => total + row.count, 0),
        totalCents,
        reversedCount: rows.reduce((total, row) => total + row.reversedCount, 0),
        reversedCents,
        netCents: totalCents - reversedCents,
      },
      closed: closed ? { ...closed, closedAt: closed.closedAt.toISOString() } : null,
    };
  }

  return {
    async get(actor: Actor, query: { agencyId?: string | undefined; date: string }) {
      const { agencyId } = managedAgency(actor, query.agencyId, 'query.agencyId');
      const date = businessDay(query.date, localDate(ctx.clock.now()), 'query.date');

      return summary(agencyId, date);
    },

    async close(actor: Actor, body: { agencyId?: string | undefined; date: string }) {
      const { staff, agencyId } = managedAgency(actor, body.agencyId, 'body.agencyId');
      const date = businessDay(body.date, localDate(ctx.clock.now()), 'body.date');
      const current = await summary(agencyId, date);
      try {
        await inTransaction(ctx.db, (tx) =>
          repository.insertClose(tx, {
            agencyId,
            businessDate: date,
            attendanceCount: current.totals.count,
            totalCents: current.totals.netCents,
            summary: { rows: current.rows, totals: current.totals },
            closedBy: staff.staffId,
            closedByLabel: actorLabel(staff),
            closedAt: ctx.clock.now(),
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError('CONFLICT', 'Este dia já foi fechado nesta agência.', {
            fields: [{ field: 'body.date', code: 'closed', message: 'Dia já fechado.' }],
            cause: error,
          });
        }
        throw error;
      }

      return summary(agencyId, date);
    },
  };
}

export type DayCloseService = ReturnType<typeof createDayCloseService>;

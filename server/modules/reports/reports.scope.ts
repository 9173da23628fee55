import type { AppContext } from '@server/context.ts';
import { AppError } from '@server/errors.ts';
import { requireStaff, type Actor, type StaffActor } from '@server/modules/auth/actor.ts';
import type { PartnerActor } from '@server/modules/partner/partner.actor.ts';
import type { ReportFilters } from '@server/modules/reports/reports.filters.ts';
import type { ReportQuery } from '@server/modules/reports/reports.schema.ts';
import { localDate } from '@shared/time.ts';
import { MAX_REPORT_DAYS } from '@shared/reports.ts';

type FilterInput = Omit<ReportQuery, 'groupBy'>;

const DAY_MS = 24 * 60 * 60 * 1000;

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, {
    fields: [{ field, code: 'invalid', message }],
  });
}

/** A `YYYY-MM-DD` that names a real calendar day of STER's era (the schema checks the shape). */
export function isCalendarDay(day: string): boolean {
  const parsed = new Date(`${day}T12:00:00Z`);
  const year = parsed.getUTCFullYear();

  return (
    !Number.isNaN(parsed.getTime()) &&
    parsed.toISOString().slice(0, 10) === day &&
    year >= 2000 &&
    year <= 2999
  );
}

/** The period asked for, by default this month up to today in São Paulo. */
export function resolvePeriod(
  ctx: AppContext,
  input: { from?: string | undefined; to?: string | undefined },
  place: string,
): { from: string; to: string } {
  const today = localDate(ctx.clock.now());
  const from = input.from ?? `${today.slice(0, 8)}01`;
  const to = input.to ?? today;
  for (const [name, day] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isCalendarDay(day)) {
      throw invalid(`${place}.${name}`, 'Data inexistente: use AAAA-MM-DD, de 2000 a 2999.');
    }
  }
  if (to < from) {
    throw invalid(`${place}.to`, 'O último dia vem antes do primeiro.');
  }
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days > MAX_REPORT_DAYS) {
    throw invalid(`${place}.to`, `O período pode ter no máximo ${MAX_REPORT_DAYS} dias.`);
  }

  return { from, to };
}

/**
 * Applies who is asking: counter staff (attendants and supervisors) see their own agency only,
 * and asking for another is refused rather than silently answered with their own; back office
 * sees every agency. Test protocols never appear in staff reports.
 */
export function staffFilters(
  ctx: AppContext,
  actor: Actor,
  input: FilterInput,
  place = 'query',
): { staff: StaffActor; filters: ReportFilters } {
  const staff = requireStaff(actor);
  let agencyId = input.agencyId;
  if (staff.role === 'attendant' || staff.role === 'supervisor') {
    if (!staff.agency) {
      throw new AppError('FORBIDDEN', 'Seu usuário não está vinculado a uma agência.');
    }
    if (agencyId !== undefined && agencyId !== staff.agency.id) {
      throw new AppError('FORBIDDEN', 'Você só vê os relatórios da sua agência.', {
        fields: [
          { field: `${place}.agencyId`, code: 'forbidden', message: 'Agência de outra unidade.' },
        ],
      });
    }
    agencyId = staff.agency.id;
  }

  return {
    staff,
    filters: {
      ...resolvePeriod(ctx, input, place),
      agencyId,
      clientId: input.clientId,
      serviceId: input.serviceId,
      attendantId: input.attendantId,
      status: input.status,
      modality: input.modality,
      isTest: false,
    },
  };
}

/**
 * A partner sees its own client's figures only; a sandbox credential sees only the test
 * protocols its sandbox created, a live one only real protocols.
 */
export function partnerFilters(
  ctx: AppContext,
  partner: PartnerActor,
  input: { from?: string | undefined; to?: string | undefined },
): ReportFilters {
  return {
    ...resolvePeriod(ctx, input, 'query'),
    clientId: partner.clientId,
    isTest: partner.mode === 'sandbox',
  };
}

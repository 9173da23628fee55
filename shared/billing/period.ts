import { localDate, TIME_ZONE } from '@shared/time.ts';

/** How often a contract is billed: monthly by default, or in two halves of the month. */
export type BillingPeriod = 'monthly' | 'fortnightly';

/** A billing period: calendar days in São Paulo, both ends included. */
export type Period = { start: string; end: string };

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The period of `kind` that contains the calendar day `day` (`YYYY-MM-DD`). */
export function periodContaining(kind: BillingPeriod, day: string): Period {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const prefix = `${year}-${pad(month)}`;
  const last = lastDayOfMonth(year, month);
  if (kind === 'fortnightly') {
    return date <= 15
      ? { start: `${prefix}-01`, end: `${prefix}-15` }
      : { start: `${prefix}-16`, end: `${prefix}-${pad(last)}` };
  }

  return { start: `${prefix}-01`, end: `${prefix}-${pad(last)}` };
}

/** The calendar day before `day`. */
export function previousDay(day: string): string {
  const at = new Date(`${day}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() - 1);

  return at.toISOString().slice(0, 10);
}

/** The last period that has fully ended at `now` (São Paulo time): what the job bills. */
export function lastClosedPeriod(kind: BillingPeriod, now: Date): Period {
  const current = periodContaining(kind, localDate(now));

  return periodContaining(kind, previousDay(current.start));
}

const OFFSET = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  timeZoneName: 'longOffset',
});

/** The instant São Paulo's calendar day `day` begins, as UTC. */
export function startOfLocalDay(day: string): Date {
  const noon = new Date(`${day}T12:00:00Z`);
  const name = OFFSET.formatToParts(noon).find((part) => part.type === 'timeZoneName')?.value;
  const offset = /GMT([+-]\d{2}):?(\d{2})?/.exec(name ?? '');
  const suffix = offset ? `${offset[1]}:${offset[2] ?? '00'}` : 'Z';

  return new Date(`${day}T00:00:00${suffix}`);
}

/** The instants `[from, to)` that a period covers. */
export function periodInstants(period: Period): { from: Date; to: Date } {
  const after = new Date(`${period.end}T12:00:00Z`);
  after.setUTCDate(after.getUTCDate() + 1);

  return {
    from: startOfLocalDay(period.start),
    to: startOfLocalDay(after.toISOString().slice(0, 10)),
  };
}

/** Times are stored in UTC and shown in the post's reference time zone. */
export const TIME_ZONE = 'America/Sao_Paulo';

const DATE_KEY = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const DATE_TIME = new Intl.DateTimeFormat('pt-BR', {
  timeZone: TIME_ZONE,
  dateStyle: 'short',
  timeStyle: 'medium',
});

const DATE_ONLY = new Intl.DateTimeFormat('pt-BR', { timeZone: TIME_ZONE, dateStyle: 'short' });

/** The calendar day (`YYYY-MM-DD`) in São Paulo at this instant: tariffs are valid per day. */
export function localDate(at: Date): string {
  return DATE_KEY.format(at);
}

/** "03/12/2026, 11:49:00" in São Paulo time. */
export function formatDateTime(at: Date | string): string {
  return DATE_TIME.format(typeof at === 'string' ? new Date(at) : at);
}

/** An instant as its São Paulo date; a calendar date (`YYYY-MM-DD`) is shown as it is. */
export function formatDate(at: Date | string): string {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) {
    return at.split('-').reverse().join('/');
  }

  return DATE_ONLY.format(typeof at === 'string' ? new Date(at) : at);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 24 * 60 * 60 * 1000);
}

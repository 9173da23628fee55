import type { Modality } from '@server/db/schema.ts';
import type { ProtocolStatus } from '@shared/protocol/lifecycle.ts';
import type { ReportGrouping } from '@shared/reports.ts';

/**
 * What a report covers once authorization has been applied: the agency is forced for counter
 * staff and the client for partners, and test protocols are shown only to sandbox credentials.
 */
export type ReportFilters = {
  /** First and last São Paulo day of the period, both included. */
  from: string;
  to: string;
  agencyId?: string | undefined;
  clientId?: string | undefined;
  serviceId?: string | undefined;
  attendantId?: string | undefined;
  status?: ProtocolStatus | undefined;
  modality?: Modality | undefined;
  isTest: boolean;
};

export type Figures = {
  attendances: number;
  amountCents: number;
  finalisedAttendances: number;
  finalisedAmountCents: number;
};

export type GroupFigures = Figures & { key: string | null };

/** A place in the drill-down's order (newest first), as the page after it starts. */
export type PageCursor = { createdAt: Date; id: string };

export type ReportRequest = { filters: ReportFilters; groupBy: ReportGrouping };

export const NO_FIGURES: Figures = {
  attendances: 0,
  amountCents: 0,
  finalisedAttendances: 0,
  finalisedAmountCents: 0,
};

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString('base64url');
}

/** The cursor a page answered, or null when the text is not one of ours. */
export function decodeCursor(text: string): PageCursor | null {
  const [at = '', id = ''] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at);
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);
  const year = createdAt.getUTCFullYear();
  if (Number.isNaN(createdAt.getTime()) || year < 2000 || year > 2999 || !isUuid) {
    return null;
  }

  return { createdAt, id };
}

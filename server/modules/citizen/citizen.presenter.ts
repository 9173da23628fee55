import type { ProtocolViewRow } from '@server/modules/protocol/protocol.repository.ts';
import type { ProtocolStatus } from '@shared/protocol/lifecycle.ts';
import { ATTENDANCE_TYPE_LABELS, PROTOCOL_STATUS_LABELS } from '@shared/protocol/lifecycle.ts';

type EventRow = { toStatus: ProtocolStatus; occurredAt: Date };

/** When the protocol first reached each status it went through, in order. */
export function statusDates(events: readonly EventRow[]) {
  const seen = new Set<ProtocolStatus>();
  const dates: { status: ProtocolStatus; label: string; at: string }[] = [];
  for (const event of events) {
    if (!seen.has(event.toStatus)) {
      seen.add(event.toStatus);
      dates.push({
        status: event.toStatus,
        label: PROTOCOL_STATUS_LABELS[event.toStatus],
        at: event.occurredAt.toISOString(),
      });
    }
  }

  return dates;
}

/**
 * A protocol as its citizen sees it: what, where and how it stands; never the attendant, the
 * contract or another person's data.
 */
export function presentCitizenProtocol(row: ProtocolViewRow) {
  return {
    code: row.code,
    status: row.status,
    statusLabel: PROTOCOL_STATUS_LABELS[row.status],
    attendanceType: row.attendanceType,
    attendanceTypeLabel: ATTENDANCE_TYPE_LABELS[row.attendanceType],
    client: { name: row.clientName },
    service: { code: row.serviceCode, name: row.serviceName },
    agency:
      row.agencyCode && row.agencyName ? { code: row.agencyCode, name: row.agencyName } : null,
    totalCents: row.totalCents,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export type CitizenProtocolView = ReturnType<typeof presentCitizenProtocol>;

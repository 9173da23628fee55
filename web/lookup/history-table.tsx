import type { HistoryEvent } from '@web/api/types.ts';
import { EVENT_LABELS } from '@web/lookup/labels.ts';
import {
  CANCEL_REASON_LABELS,
  PROTOCOL_STATUS_LABELS,
  type CancelReason,
  type ProtocolStatus,
} from '@shared/protocol/lifecycle.ts';
import { formatDateTime } from '@shared/time.ts';

export type HistoryTableProps = { events: HistoryEvent[] };

const statusLabel = (status: string) => PROTOCOL_STATUS_LABELS[status as ProtocolStatus] ?? status;

const reasonLabel = (reason: string | null) =>
  reason ? (CANCEL_REASON_LABELS[reason as CancelReason] ?? reason) : '—';

/** Every event of the protocol, oldest first: who, where, when, why, and the change. */
export function HistoryTable({ events }: HistoryTableProps) {
  return (
    <table className="grid grid-compact" data-testid="history">
      <caption>Histórico do protocolo</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Evento</th>
          <th scope="col">Situação</th>
          <th scope="col">Por</th>
          <th scope="col">Agência</th>
          <th scope="col">Motivo</th>
          <th scope="col">Data e hora</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.sequence}>
            <td>{event.sequence}</td>
            <td>{EVENT_LABELS[event.type] ?? event.type}</td>
            <td>
              {event.fromStatus && event.fromStatus !== event.toStatus
                ? `${statusLabel(event.fromStatus)} → `
                : ''}
              {statusLabel(event.toStatus)}
            </td>
            <td>{event.actor.label}</td>
            <td>{event.agency?.name ?? '—'}</td>
            <td>{reasonLabel(event.reason)}</td>
            <td>{formatDateTime(event.occurredAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

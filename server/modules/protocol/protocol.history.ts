import type { ActorKind } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';
import { AppError } from '@server/errors.ts';
import { eventHash, genesisHash } from '@server/modules/audit/event-hash.ts';
import { actorLabel, type StaffActor } from '@server/modules/auth/actor.ts';
import { createOutboxRepository } from '@server/modules/outbox/outbox.repository.ts';
import type {
  ProtocolRepository,
  ProtocolRow,
} from '@server/modules/protocol/protocol.repository.ts';
import {
  nextStatus,
  PROTOCOL_STATUS_LABELS,
  type ProtocolStatus,
  type ProtocolTransition,
} from '@shared/protocol/lifecycle.ts';

/** Who an event is attributed to, and where it happened. */
export type EventActor = {
  kind: ActorKind;
  id: string | null;
  label: string;
  agencyId: string | null;
  terminal: string | null;
};

export const SYSTEM_ACTOR: EventActor = {
  kind: 'system',
  id: null,
  label: 'STER',
  agencyId: null,
  terminal: null,
};

export function staffEventActor(actor: StaffActor): EventActor {
  return {
    kind: 'staff',
    id: actor.staffId,
    label: actorLabel(actor),
    agencyId: actor.agency?.id ?? null,
    terminal: actor.terminal,
  };
}

export type EventInput = {
  type: string;
  fromStatus: ProtocolStatus | null;
  toStatus: ProtocolStatus;
  actor: EventActor;
  reason?: string | null;
  note?: string | null;
  data?: Record<string, unknown>;
};

type ChainHead = Pick<ProtocolRow, 'id' | 'code' | 'eventCount' | 'lastEventHash'>;

/** What a transition reads of the locked protocol: its identity, status and chain head. */
type TransitionSubject = ChainHead & Pick<ProtocolRow, 'status'>;

const outbox = createOutboxRepository();

const TRANSITION_VERBS: Record<ProtocolTransition, string> = {
  complete: 'concluído',
  finalise: 'finalizado',
  cancel: 'cancelado',
  reverse: 'estornado',
  expire: 'expirado',
};

export function illegalTransition(
  status: ProtocolStatus,
  transition: ProtocolTransition,
): AppError {
  const label = PROTOCOL_STATUS_LABELS[status].toLowerCase();

  return new AppError(
    'ILLEGAL_TRANSITION',
    `O protocolo está ${label} e não pode ser ${TRANSITION_VERBS[transition]}.`,
  );
}

/**
 * The next event of a protocol's history, chained to the previous one by hash, ready to insert,
 * and the chain head the protocol row then has. Nothing is written.
 */
export function chainEvent(head: ChainHead, input: EventInput, at: Date) {
  const sequence = head.eventCount + 1;
  const fields = {
    protocolId: head.id,
    sequence,
    type: input.type,
    fromStatus: input.fromStatus,
    toStatus: input.toStatus,
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    actorLabel: input.actor.label,
    agencyId: input.actor.agencyId,
    terminal: input.actor.terminal,
    reason: input.reason ?? null,
    note: input.note ?? null,
    data: input.data ?? {},
    occurredAt: at,
    prevHash: head.lastEventHash ?? genesisHash(head.id, head.code),
  };
  const hash = eventHash(fields);

  return {
    event: { ...fields, data: JSON.stringify(fields.data), hash },
    chain: { eventCount: sequence, lastEventHash: hash },
  };
}

export function createProtocolHistory(repository: ProtocolRepository) {
  /**
   * Appends one event to the protocol's history, chained to the previous one by hash, and
   * returns the new chain head for the protocol row. History rows are never updated.
   */
  async function append(tx: Tx, head: ChainHead, input: EventInput, at: Date) {
    const { event, chain } = chainEvent(head, input, at);
    await repository.insertEvent(tx, event);

    return chain;
  }

  return {
    append,

    /** `append`, writing the protocol row's new chain head in the same statement. */
    async appendAndAdvance(tx: Tx, head: ChainHead, input: EventInput, at: Date) {
      const { event, chain } = chainEvent(head, input, at);
      await repository.appendEvent(tx, event, chain);
    },

    /**
     * Moves a locked protocol along the lifecycle: checks the state machine, writes the row,
     * appends the event and queues the status change for partners and billing, all in `tx`.
     */
    async transition(
      tx: Tx,
      row: TransitionSubject,
      transition: ProtocolTransition,
      input: Omit<EventInput, 'fromStatus' | 'toStatus' | 'type'> & {
        patch?: Parameters<ProtocolRepository['update']>[2];
      },
      at: Date,
    ): Promise<ProtocolStatus> {
      const to = nextStatus(row.status, transition);
      if (!to) {
        throw illegalTransition(row.status, transition);
      }

      const { event, chain } = chainEvent(
        row,
        { ...input, type: transition, fromStatus: row.status, toStatus: to },
        at,
      );
      await repository.appendEvent(tx, event, {
        ...input.patch,
        status: to,
        updatedAt: at,
        ...chain,
      });
      await outbox.enqueue(tx, 'protocol.statusChanged', row.id, {
        protocolCode: row.code,
        fromStatus: row.status,
        toStatus: to,
        reason: input.reason ?? null,
        occurredAt: at.toISOString(),
      });

      return to;
    },
  };
}

export type ProtocolHistory = ReturnType<typeof createProtocolHistory>;

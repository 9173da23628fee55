import type { AppContext } from '@server/context.ts';
import type { Tx } from '@server/db/transaction.ts';
import { createOutboxRepository } from '@server/modules/outbox/outbox.repository.ts';
import type { PartnerActor } from '@server/modules/partner/partner.actor.ts';
import type { EventActor, ProtocolHistory } from '@server/modules/protocol/protocol.history.ts';
import type { ProtocolRepository } from '@server/modules/protocol/protocol.repository.ts';
import type { priceAttendance } from '@server/modules/protocol/pricing.ts';
import type { CitizenDocument } from '@shared/documents.ts';
import { buildProtocolCode } from '@shared/protocol/protocol-code.ts';

const outbox = createOutboxRepository();

/** A protocol a partner registers: a sale at a counter (pending) or a pre-attendance online. */
export type PartnerProtocol = {
  service: { id: string; clientId: string; contractId: string; modality: 'cash' | 'invoiced' };
  kind:
    | { status: 'pending'; agencyId: string; attendantId: string }
    | { status: 'preAttendance'; expiresAt: Date };
  document: CitizenDocument;
  partnerKey: string;
  requestHash: string;
  ticketText: string | null;
  /** The price, for a sale; a pre-attendance is priced when the counter confirms it. */
  priced: { totalCents: number; tariffId: string | null; lines: PricedLines } | null;
};

type PricedLines = ReturnType<typeof priceAttendance>['lines'];

/** The event actor of a partner's system, at the agency the attendance happens in (if any). */
export function partnerEventActor(partner: PartnerActor, agencyId: string | null): EventActor {
  return {
    kind: 'partner',
    id: partner.partnerId,
    label: `Parceiro ${partner.partnerName}`,
    agencyId,
    terminal: null,
  };
}

/** Writes a partner's protocol with its lines, first event and outbox message; its code. */
export function createPartnerProtocolWriter(
  ctx: AppContext,
  deps: { protocols: ProtocolRepository; history: ProtocolHistory },
) {
  const { protocols, history } = deps;

  return async function write(tx: Tx, partner: PartnerActor, input: PartnerProtocol) {
    const now = ctx.clock.now();
    const { kind, priced, service } = input;
    const pending = kind.status === 'pending';
    const attendanceType = pending ? 'inPerson' : 'preAttendance';
    const agencyId = pending ? kind.agencyId : null;

    const code = buildProtocolCode(now.getUTCFullYear(), await protocols.nextSequence(tx));
    const inserted = await protocols.insert(tx, {
      code,
      clientId: service.clientId,
      contractId: service.contractId,
      serviceId: service.id,
      agencyId,
      attendantId: pending ? kind.attendantId : null,
      attendanceType,
      status: kind.status,
      modality: service.modality,
      citizenDocumentKind: input.document.kind,
      citizenDocumentHash: ctx.vault.indexOf(input.document.number),
      citizenSealed: ctx.vault.seal({ document: input.document, name: null }),
      formDefinitionId: null,
      formDataSealed: null,
      documentsChecked: [],
      tariffId: priced?.tariffId ?? null,
      totalCents: priced?.totalCents ?? null,
      ticketText: input.ticketText,
      isTest: partner.mode === 'sandbox',
      expiresAt: pending ? null : kind.expiresAt,
      partnerId: partner.partnerId,
      partnerKey: input.partnerKey,
      partnerRequestHash: input.requestHash,
      createdAt: now,
      updatedAt: now,
    });
    await protocols.insertLines(
      tx,
      (priced?.lines ?? []).map((line) => ({ ...line, protocolId: inserted.id })),
    );
    const chain = await history.append(
      tx,
      { id: inserted.id, code, eventCount: 0, lastEventHash: null },
      {
        type: 'created',
        fromStatus: null,
        toStatus: kind.status,
        actor: partnerEventActor(partner, agencyId),
        data: {
          attendanceType,
          totalCents: priced?.totalCents ?? null,
          isTest: partner.mode === 'sandbox',
        },
      },
      now,
    );
    await protocols.update(tx, inserted.id, chain);
    await outbox.enqueue(tx, 'protocol.statusChanged', inserted.id, {
      protocolCode: code,
      fromStatus: null,
      toStatus: kind.status,
      reason: null,
      occurredAt: now.toISOString(),
    });

    return code;
  };
}

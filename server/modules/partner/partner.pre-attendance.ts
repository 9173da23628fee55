import { createHash } from 'node:crypto';
import { canonicalJson } from '@server/canonical-json.ts';
import type { AppContext } from '@server/context.ts';
import type { Tx } from '@server/db/transaction.ts';
import { AppError } from '@server/errors.ts';
import type { CatalogueRepository } from '@server/modules/catalogue/catalogue.repository.ts';
import { runIdempotent } from '@server/modules/idempotency/idempotency.ts';
import type { PartnerActor } from '@server/modules/partner/partner.actor.ts';
import type { CodigoCorreios } from '@server/modules/partner/partner.codigo-correios.ts';
import {
  createPartnerProtocolWriter,
  partnerEventActor,
} from '@server/modules/partner/partner.protocol-writer.ts';
import { earlierSale, partnerKeyError } from '@server/modules/partner/partner.registration.ts';
import type { PartnerRepository } from '@server/modules/partner/partner.repository.ts';
import { createSaleRules, inForceToday } from '@server/modules/partner/partner.sale-rules.ts';
import {
  illegalTransition,
  SYSTEM_ACTOR,
  type ProtocolHistory,
} from '@server/modules/protocol/protocol.history.ts';
import type { ProtocolRepository } from '@server/modules/protocol/protocol.repository.ts';
import { parseProtocolCode } from '@server/modules/protocol/protocol.service.ts';
import { parseCitizenDocument } from '@shared/documents.ts';
import { addDays, localDate } from '@shared/time.ts';

export type PreRegistraInput = {
  codigoServico: string;
  numeroIdentificacaoCliente: string;
  chaveCliente: string;
  textoTicket?: string | undefined;
};

export type ConfirmaInput = {
  codigoCorreios: string;
  protocolo: string;
  valorServico: string | number;
  quantidade: string | number;
  textoTicket?: string | undefined;
};

const EXPIRED = 'Este pré-atendimento expirou. Peça ao usuário um novo pré-atendimento.';

function rejected(message: string) {
  return new AppError('VALIDATION_FAILED', message);
}

function toInteger(value: string | number): number {
  return typeof value === 'number' ? value : Number.parseInt(value, 10);
}

/** The contract's `+` breaks a line on the receipt. */
function ticketOf(text: string | undefined): string | null {
  const ticket = text?.trim();

  return ticket ? ticket.split('+').join('\n') : null;
}

/**
 * Document flow 2, pre-attendance on the client's site: the citizen starts on the partner's
 * site, which registers a pre-attendance (`pre-atendimentos/registra`, no agency yet) and gives
 * the citizen its protocol; at a counter the attendant opens the partner's site from STER, the
 * partner finds the protocol and confirms it with the attendant's `codigoCorreios`
 * (`pre-atendimentos/confirma`): the protocol becomes pending at that agency, priced then, and
 * the counter finalises it as in flow 1.
 */
export function createPartnerPreAttendance(
  ctx: AppContext,
  deps: {
    partners: PartnerRepository;
    catalogue: CatalogueRepository;
    protocols: ProtocolRepository;
    history: ProtocolHistory;
    codigo: CodigoCorreios;
  },
) {
  const { partners, catalogue, protocols, history, codigo } = deps;
  const { loadService, priceSale } = createSaleRules(ctx, { partners, catalogue });
  const write = createPartnerProtocolWriter(ctx, { protocols, history });

  async function loadPreService(tx: Tx, partner: PartnerActor, code: string) {
    const id = await partners.findServiceIdByCode(tx, partner.clientId, code);
    const service = id ? await catalogue.findServiceForAttendance(tx, id) : undefined;
    if (!service) {
      throw new AppError('SERVICE_NOT_AVAILABLE', `Serviço ${code} não encontrado neste cliente.`);
    }
    const available =
      inForceToday(service, localDate(ctx.clock.now())) &&
      service.solution === 'clientSite' &&
      service.attendanceTypes.includes('preAttendance');
    if (!available) {
      throw new AppError(
        'SERVICE_NOT_AVAILABLE',
        `O serviço ${code} não aceita pré-atendimento no momento.`,
      );
    }

    return service;
  }

  async function confirmLocked(
    tx: Tx,
    partner: PartnerActor,
    code: string,
    input: ConfirmaInput,
  ): Promise<{ statusCode: number; body: { protocolo: string } | { mensagem: string } }> {
    const now = ctx.clock.now();
    const decoded = codigo.decode(input.codigoCorreios, now);
    if (!decoded.ok) {
      throw rejected('codigoCorreios inválido: abra o site novamente a partir do STER.');
    }
    const row = await protocols.lockByCode(tx, code);
    if (!row || row.partnerId !== partner.partnerId) {
      throw new AppError('PROTOCOL_NOT_FOUND', `Protocolo ${code} não encontrado.`);
    }
    if (row.status === 'expired') {
      throw new AppError('PROTOCOL_EXPIRED', EXPIRED);
    }
    if (row.status === 'preAttendance' && row.expiresAt && row.expiresAt <= now) {
      // The expiry is committed and the refusal stored under the key, so a retry agrees.
      await history.transition(
        tx,
        row,
        'expire',
        { actor: SYSTEM_ACTOR, reason: 'expiryDate' },
        now,
      );

      return { statusCode: 409, body: { mensagem: EXPIRED } };
    }
    if (row.status !== 'preAttendance') {
      throw illegalTransition(row.status, 'complete');
    }
    if (decoded.expired) {
      throw new AppError(
        'RULE_VIOLATED',
        'codigoCorreios expirado: abra o site novamente a partir do STER.',
      );
    }
    if (decoded.claims.serviceId !== row.serviceId) {
      throw new AppError(
        'RULE_VIOLATED',
        'O codigoCorreios foi aberto para outro serviço que não o deste pré-atendimento.',
      );
    }
    const service = await loadService(tx, partner, decoded.claims);
    const priced = await priceSale(
      tx,
      service,
      toInteger(input.valorServico),
      toInteger(input.quantidade),
    );

    await protocols.insertLines(
      tx,
      priced.lines.map((line) => ({ ...line, protocolId: row.id })),
    );
    const ticketText = ticketOf(input.textoTicket);
    await history.transition(
      tx,
      row,
      'complete',
      {
        actor: partnerEventActor(partner, decoded.claims.agencyId),
        data: { totalCents: priced.totalCents },
        patch: {
          agencyId: decoded.claims.agencyId,
          attendantId: decoded.claims.attendantId,
          tariffId: priced.tariffId,
          totalCents: priced.totalCents,
          ...(ticketText ? { ticketText } : {}),
        },
      },
      now,
    );

    return { statusCode: 200, body: { protocolo: code } };
  }

  return {
    /** The citizen's pre-attendance, registered by the partner's site: no agency, no price. */
    async start(partner: PartnerActor, input: PreRegistraInput, headerKey: string | undefined) {
      const document = parseCitizenDocument(input.numeroIdentificacaoCliente);
      if (!document) {
        const kind = input.numeroIdentificacaoCliente.length === 11 ? 'CPF' : 'CNPJ';
        throw rejected(`numeroIdentificacaoCliente: ${kind} inválido, confira os dígitos.`);
      }
      const ticketText = ticketOf(input.textoTicket);
      const fingerprint = {
        preAttendance: input.codigoServico,
        document: document.number,
        ticketText,
      };
      const requestHash = createHash('sha256').update(canonicalJson(fingerprint)).digest('hex');
      const key = headerKey ?? `chaveCliente:${input.chaveCliente}`;

      try {
        return await runIdempotent(
          ctx.db,
          { scope: `partner:${partner.partnerId}`, key, fingerprint },
          async (tx) => {
            const existing = await earlierSale(
              tx,
              partners,
              partner,
              input.chaveCliente,
              requestHash,
            );
            if (existing) {
              return {
                statusCode: 200,
                body: { protocolo: existing.code, validoAte: existing.expiresAt?.toISOString() },
              };
            }
            const service = await loadPreService(tx, partner, input.codigoServico);
            const expiresAt = addDays(ctx.clock.now(), service.preAttendanceExpiryDays);
            const protocolo = await write(tx, partner, {
              service,
              kind: { status: 'preAttendance', expiresAt },
              document,
              partnerKey: input.chaveCliente,
              requestHash,
              ticketText,
              priced: null,
            });

            return { statusCode: 200, body: { protocolo, validoAte: expiresAt.toISOString() } };
          },
        );
      } catch (error) {
        throw partnerKeyError(error, input.chaveCliente, headerKey);
      }
    },

    /**
     * The counter confirms the citizen's pre-attendance through the partner's site. Confirming
     * again with the same content answers the same protocol; with other content it is refused.
     */
    confirm(partner: PartnerActor, input: ConfirmaInput, headerKey: string | undefined) {
      const code = parseProtocolCode(input.protocolo, 'body.protocolo');
      const decoded = codigo.decode(input.codigoCorreios, ctx.clock.now());
      const claims = decoded.ok ? decoded.claims : null;
      const fingerprint = {
        confirm: code,
        agencyId: claims?.agencyId,
        attendantId: claims?.attendantId,
        unitCents: toInteger(input.valorServico),
        quantity: toInteger(input.quantidade),
        ticketText: ticketOf(input.textoTicket),
      };

      return runIdempotent(
        ctx.db,
        {
          scope: `partner:${partner.partnerId}`,
          key: headerKey ?? `confirma:${code}`,
          fingerprint,
        },
        (tx) => confirmLocked(tx, partner, code, input),
      );
    },
  };
}

export type PartnerPreAttendance = ReturnType<typeof createPartnerPreAttendance>;

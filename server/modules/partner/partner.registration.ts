import { createHash } from 'node:crypto';
import { canonicalJson } from '@server/canonical-json.ts';
import type { AppContext } from '@server/context.ts';
import { isUniqueViolation, type Tx } from '@server/db/transaction.ts';
import { AppError } from '@server/errors.ts';
import type { CatalogueRepository } from '@server/modules/catalogue/catalogue.repository.ts';
import { runIdempotent } from '@server/modules/idempotency/idempotency.ts';
import { createOutboxRepository } from '@server/modules/outbox/outbox.repository.ts';
import type { PartnerActor } from '@server/modules/partner/partner.actor.ts';
import type {
  CodigoCorreios,
  CodigoCorreiosClaims,
} from '@server/modules/partner/partner.codigo-correios.ts';
import type { PartnerRepository } from '@server/modules/partner/partner.repository.ts';
import type { EventActor, ProtocolHistory } from '@server/modules/protocol/protocol.history.ts';
import type { ProtocolRepository } from '@server/modules/protocol/protocol.repository.ts';
import { priceAttendance } from '@server/modules/protocol/pricing.ts';
import { parseCitizenDocument, type CitizenDocument } from '@shared/documents.ts';
import { formatBRL } from '@shared/money.ts';
import { buildProtocolCode } from '@shared/protocol/protocol-code.ts';
import { localDate } from '@shared/time.ts';

/** `registra`'s body after the schema: numbers may still come as digit strings. */
export type RegistraInput = {
  codigoCorreios: string;
  valorServico: string | number;
  quantidade: string | number;
  numeroIdentificacaoCliente: string;
  chaveCliente: string;
  textoTicket?: string | undefined;
};

type Sale = {
  claims: CodigoCorreiosClaims;
  expired: boolean;
  unitCents: number;
  quantity: number;
  document: CitizenDocument;
  chaveCliente: string;
  ticketText: string | null;
};

const outbox = createOutboxRepository();

function rejected(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message);
}

function toInteger(value: string | number): number {
  return typeof value === 'number' ? value : Number.parseInt(value, 10);
}

export function createPartnerRegistration(
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

  function parseSale(input: RegistraInput): Sale {
    const decoded = codigo.decode(input.codigoCorreios, ctx.clock.now());
    if (!decoded.ok) {
      throw rejected('codigoCorreios inválido: abra o site novamente a partir do STER.');
    }
    const document = parseCitizenDocument(input.numeroIdentificacaoCliente);
    if (!document) {
      const kind = input.numeroIdentificacaoCliente.length === 11 ? 'CPF' : 'CNPJ';
      throw rejected(`numeroIdentificacaoCliente: ${kind} inválido, confira os dígitos.`);
    }
    const ticket = input.textoTicket?.trim();

    return {
      claims: decoded.claims,
      expired: decoded.expired,
      unitCents: toInteger(input.valorServico),
      quantity: toInteger(input.quantidade),
      document,
      chaveCliente: input.chaveCliente,
      // The contract's `+` breaks a line on the receipt.
      ticketText: ticket ? ticket.split('+').join('\n') : null,
    };
  }

  /** The content a `chaveCliente` stands for; the same key with other content is refused. */
  function fingerprintOf(sale: Sale) {
    const { agencyId, attendantId, serviceId } = sale.claims;

    return {
      agencyId,
      attendantId,
      serviceId,
      unitCents: sale.unitCents,
      quantity: sale.quantity,
      document: sale.document.number,
      ticketText: sale.ticketText,
    };
  }

  async function loadService(tx: Tx, partner: PartnerActor, claims: CodigoCorreiosClaims) {
    const service = await catalogue.findServiceForAttendance(tx, claims.serviceId);
    if (!service || service.clientId !== partner.clientId) {
      throw new AppError('FORBIDDEN', 'Este serviço não pertence a um cliente deste parceiro.');
    }
    const today = localDate(ctx.clock.now());
    const inForce =
      service.active &&
      service.clientActive &&
      service.contractActive &&
      service.contractValidFrom <= today &&
      (service.contractValidTo === null || service.contractValidTo >= today);
    if (!inForce || service.solution !== 'clientSite') {
      throw new AppError('SERVICE_NOT_AVAILABLE', 'Este serviço não está disponível no momento.');
    }
    const attendant = await partners.findAttendantAt(tx, claims.attendantId, claims.agencyId);
    if (!attendant?.active || !attendant.agencyActive) {
      throw new AppError(
        'RULE_VIOLATED',
        'O atendente ou a agência do codigoCorreios está inativo.',
      );
    }
    const agency = { id: attendant.agencyId, kind: attendant.agencyKind };
    if (!(await catalogue.isOfferedAt(tx, service.id, agency))) {
      throw new AppError('SERVICE_NOT_AVAILABLE', 'Este serviço não é oferecido nesta agência.');
    }

    return service;
  }

  type Service = Awaited<ReturnType<typeof loadService>>;

  /** The service's price rule decides which `valorServico` is acceptable. */
  async function unitPrice(tx: Tx, service: Service, unitCents: number) {
    if (service.priceRule === 'partner') {
      const min = service.partnerPriceMinCents ?? 0;
      const max = service.partnerPriceMaxCents ?? Number.MAX_SAFE_INTEGER;
      if (unitCents < min || unitCents > max) {
        throw new AppError(
          'RULE_VIOLATED',
          `valorServico fora dos limites do serviço: entre ${formatBRL(min)} e ${formatBRL(max)}.`,
        );
      }

      return { amountCents: unitCents, tariffId: null };
    }
    const tariff = await catalogue.findTariffOn(
      tx,
      service.contractId,
      service.id,
      localDate(ctx.clock.now()),
    );
    if (!tariff) {
      throw new AppError('TARIFF_NOT_FOUND', 'Não há tarifa vigente hoje para este serviço.');
    }
    if (tariff.amountCents !== unitCents) {
      throw new AppError(
        'RULE_VIOLATED',
        `valorServico ${unitCents} não confere com a tarifa vigente do serviço: ` +
          `${tariff.amountCents} centavos (${formatBRL(tariff.amountCents)}).`,
      );
    }

    return { amountCents: tariff.amountCents, tariffId: tariff.id };
  }

  async function create(tx: Tx, partner: PartnerActor, sale: Sale, requestHash: string) {
    const now = ctx.clock.now();
    const service = await loadService(tx, partner, sale.claims);
    const unit = await unitPrice(tx, service, sale.unitCents);
    const items = service.allowsAssociatedItems
      ? await catalogue.listAssociatedItems(tx, service.id)
      : [];
    const priced = priceAttendance({
      service: { code: service.code, name: service.name },
      unit,
      quantity: sale.quantity,
      associatedItems: items,
    });

    const code = buildProtocolCode(now.getUTCFullYear(), await protocols.nextSequence(tx));
    const inserted = await protocols.insert(tx, {
      code,
      clientId: service.clientId,
      contractId: service.contractId,
      serviceId: service.id,
      agencyId: sale.claims.agencyId,
      attendantId: sale.claims.attendantId,
      attendanceType: 'inPerson',
      status: 'pending',
      modality: service.modality,
      citizenDocumentKind: sale.document.kind,
      citizenDocumentHash: ctx.vault.indexOf(sale.document.number),
      citizenSealed: ctx.vault.seal({ document: sale.document, name: null }),
      formDefinitionId: null,
      formDataSealed: null,
      documentsChecked: [],
      tariffId: unit.tariffId,
      totalCents: priced.totalCents,
      ticketText: sale.ticketText,
      isTest: partner.mode === 'sandbox',
      expiresAt: null,
      partnerId: partner.partnerId,
      partnerKey: sale.chaveCliente,
      partnerRequestHash: requestHash,
      createdAt: now,
      updatedAt: now,
    });
    await protocols.insertLines(
      tx,
      priced.lines.map((line) => ({ ...line, protocolId: inserted.id })),
    );
    const actor: EventActor = {
      kind: 'partner',
      id: partner.partnerId,
      label: `Parceiro ${partner.partnerName}`,
      agencyId: sale.claims.agencyId,
      terminal: null,
    };
    const chain = await history.append(
      tx,
      { id: inserted.id, code, eventCount: 0, lastEventHash: null },
      {
        type: 'created',
        fromStatus: null,
        toStatus: 'pending',
        actor,
        data: {
          attendanceType: 'inPerson',
          totalCents: priced.totalCents,
          isTest: partner.mode === 'sandbox',
        },
      },
      now,
    );
    await protocols.update(tx, inserted.id, chain);
    await outbox.enqueue(tx, 'protocol.statusChanged', inserted.id, {
      protocolCode: code,
      fromStatus: null,
      toStatus: 'pending',
      reason: null,
      occurredAt: now.toISOString(),
    });

    return code;
  }

  return {
    /**
     * `registra`: a pending protocol for the sale the client's site captured. `chaveCliente` is
     * the natural idempotency key (per partner, enforced by a unique constraint); an
     * `Idempotency-Key` header, when sent, guards the request as well.
     */
    async register(partner: PartnerActor, input: RegistraInput, headerKey: string | undefined) {
      const sale = parseSale(input);
      const fingerprint = fingerprintOf(sale);
      const requestHash = createHash('sha256').update(canonicalJson(fingerprint)).digest('hex');
      const key = headerKey ?? `chaveCliente:${sale.chaveCliente}`;

      try {
        return await runIdempotent(
          ctx.db,
          { scope: `partner:${partner.partnerId}`, key, fingerprint },
          async (tx) => {
            const existing = await partners.findByPartnerKey(
              tx,
              partner.partnerId,
              sale.chaveCliente,
            );
            if (existing) {
              if (existing.partnerRequestHash !== requestHash) {
                throw new AppError(
                  'IDEMPOTENCY_KEY_REUSED',
                  `chaveCliente ${sale.chaveCliente} já foi usada em outro registro ` +
                    `(protocolo ${existing.code}) com outro conteúdo. Use uma chave nova.`,
                );
              }

              return { statusCode: 200, body: { protocolo: existing.code } };
            }
            if (sale.expired) {
              throw new AppError(
                'RULE_VIOLATED',
                'codigoCorreios expirado: abra o site novamente a partir do STER.',
              );
            }

            return {
              statusCode: 200,
              body: { protocolo: await create(tx, partner, sale, requestHash) },
            };
          },
        );
      } catch (error) {
        if (isUniqueViolation(error, 'protocols_partner_key_unique')) {
          throw new AppError(
            'IDEMPOTENCY_IN_FLIGHT',
            `Outro registro com a chaveCliente ${sale.chaveCliente} está em andamento. Repita.`,
          );
        }
        if (error instanceof AppError && error.code === 'IDEMPOTENCY_KEY_REUSED') {
          throw new AppError(
            'IDEMPOTENCY_KEY_REUSED',
            error.message.startsWith('chaveCliente')
              ? error.message
              : headerKey === undefined
                ? `chaveCliente ${sale.chaveCliente} já foi usada com outro conteúdo. Use outra.`
                : 'O Idempotency-Key já foi usado com outro conteúdo. Use uma chave nova.',
          );
        }
        throw error;
      }
    },
  };
}

export type PartnerRegistration = ReturnType<typeof createPartnerRegistration>;

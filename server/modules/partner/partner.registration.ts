import { createHash } from 'node:crypto';
import { canonicalJson } from '@server/canonical-json.ts';
import type { AppContext } from '@server/context.ts';
import { isUniqueViolation, type Tx } from '@server/db/transaction.ts';
import { AppError } from '@server/errors.ts';
import type { CatalogueRepository } from '@server/modules/catalogue/catalogue.repository.ts';
import { runIdempotent } from '@server/modules/idempotency/idempotency.ts';
import type { PartnerActor } from '@server/modules/partner/partner.actor.ts';
import type {
  CodigoCorreios,
  CodigoCorreiosClaims,
} from '@server/modules/partner/partner.codigo-correios.ts';
import type { PartnerRepository } from '@server/modules/partner/partner.repository.ts';
import type { ProtocolHistory } from '@server/modules/protocol/protocol.history.ts';
import type { ProtocolRepository } from '@server/modules/protocol/protocol.repository.ts';
import { createSaleRules } from '@server/modules/partner/partner.sale-rules.ts';
import { createPartnerProtocolWriter } from '@server/modules/partner/partner.protocol-writer.ts';
import { parseCitizenDocument, type CitizenDocument } from '@shared/documents.ts';

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

function rejected(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message);
}

function toInteger(value: string | number): number {
  return typeof value === 'number' ? value : Number.parseInt(value, 10);
}

/**
 * What a failed registration tells the partner about its keys: a race on one `chaveCliente`,
 * or a key (`chaveCliente` or `Idempotency-Key`) reused with other content.
 */
export function partnerKeyError(error: unknown, chaveCliente: string, headerKey?: string) {
  if (isUniqueViolation(error, 'protocols_partner_key_unique')) {
    return new AppError(
      'IDEMPOTENCY_IN_FLIGHT',
      `Outro registro com a chaveCliente ${chaveCliente} está em andamento. Repita.`,
    );
  }
  if (error instanceof AppError && error.code === 'IDEMPOTENCY_KEY_REUSED') {
    return new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      error.message.startsWith('chaveCliente')
        ? error.message
        : headerKey === undefined
          ? `chaveCliente ${chaveCliente} já foi usada com outro conteúdo. Use outra.`
          : 'O Idempotency-Key já foi usado com outro conteúdo. Use uma chave nova.',
    );
  }

  return error;
}

/**
 * The protocol a `chaveCliente` already stands for, if any; the same key with other content
 * (another request hash) is refused.
 */
export async function earlierSale(
  tx: Tx,
  partners: PartnerRepository,
  partner: PartnerActor,
  chaveCliente: string,
  requestHash: string,
) {
  const existing = await partners.findByPartnerKey(tx, partner.partnerId, chaveCliente);
  if (existing && existing.partnerRequestHash !== requestHash) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      `chaveCliente ${chaveCliente} já foi usada em outro registro ` +
        `(protocolo ${existing.code}) com outro conteúdo. Use uma chave nova.`,
    );
  }

  return existing;
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
  const { loadService, priceSale } = createSaleRules(ctx, { partners, catalogue });
  const write = createPartnerProtocolWriter(ctx, { protocols, history });

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

  async function create(tx: Tx, partner: PartnerActor, sale: Sale, requestHash: string) {
    const service = await loadService(tx, partner, sale.claims);
    const priced = await priceSale(tx, service, sale.unitCents, sale.quantity);

    return write(tx, partner, {
      service,
      kind: {
        status: 'pending',
        agencyId: sale.claims.agencyId,
        attendantId: sale.claims.attendantId,
      },
      document: sale.document,
      partnerKey: sale.chaveCliente,
      requestHash,
      ticketText: sale.ticketText,
      priced,
    });
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
            const existing = await earlierSale(
              tx,
              partners,
              partner,
              sale.chaveCliente,
              requestHash,
            );
            if (existing) {
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
        throw partnerKeyError(error, sale.chaveCliente, headerKey);
      }
    },
  };
}

export type PartnerRegistration = ReturnType<typeof createPartnerRegistration>;

import type { AppContext } from '@server/context.ts';
import { AppError, notFound } from '@server/errors.ts';
import type { Actor } from '@server/modules/auth/actor.ts';
import { requireCounterStaff } from '@server/modules/auth/actor.ts';
import type { CatalogueRepository } from '@server/modules/catalogue/catalogue.repository.ts';
import { confirmationCodeOf } from '@server/modules/outbox/confirmation-codes.ts';
import type { PartnerActor } from '@server/modules/partner/partner.actor.ts';
import {
  CODIGO_CORREIOS_TTL_MS,
  type CodigoCorreios,
} from '@server/modules/partner/partner.codigo-correios.ts';
import type { PartnerRepository } from '@server/modules/partner/partner.repository.ts';
import { parseProtocolCode } from '@server/modules/protocol/protocol.service.ts';
import { PROTOCOL_STATUS_LABELS } from '@shared/protocol/lifecycle.ts';

/** What counter staff and partners do around a client's-site attendance, besides `registra`. */
export function createPartnerService(
  ctx: AppContext,
  deps: { partners: PartnerRepository; catalogue: CatalogueRepository; codigo: CodigoCorreios },
) {
  const { partners, catalogue, codigo } = deps;

  return {
    /** The client's site URL the counter opens, carrying a fresh `codigoCorreios`. */
    async clientSiteLink(actor: Actor, serviceId: string) {
      const staff = requireCounterStaff(actor);
      const service = await catalogue.findServiceForAttendance(ctx.db, serviceId);
      if (!service) {
        throw notFound('Serviço');
      }
      const siteUrl = await partners.findClientSiteUrl(ctx.db, serviceId);
      if (service.solution !== 'clientSite' || !siteUrl) {
        throw new AppError(
          'SERVICE_NOT_AVAILABLE',
          'Este serviço usa o formulário do STER, não o site do cliente.',
        );
      }
      if (!service.active || !service.clientActive || !service.contractActive) {
        throw new AppError('SERVICE_NOT_AVAILABLE', 'Este serviço não está disponível no momento.');
      }
      if (!(await catalogue.isOfferedAt(ctx.db, serviceId, staff.agency))) {
        throw new AppError('SERVICE_NOT_AVAILABLE', 'Este serviço não é oferecido nesta agência.');
      }
      const expiresAt = new Date(ctx.clock.now().getTime() + CODIGO_CORREIOS_TTL_MS);
      const url = new URL(siteUrl);
      url.searchParams.set(
        'codigoCorreios',
        codigo.encode({
          agencyId: staff.agency.id,
          attendantId: staff.staffId,
          serviceId,
          expiresAt,
        }),
      );

      return { url: url.toString(), expiresAt: expiresAt.toISOString() };
    },

    /** Decrypts a `codigoCorreios` for the partner whose client's service it was made for. */
    async decryptCodigo(partner: PartnerActor, code: string) {
      const decoded = codigo.decode(code, ctx.clock.now());
      if (!decoded.ok) {
        throw new AppError('VALIDATION_FAILED', 'codigoCorreios inválido.');
      }
      if (decoded.expired) {
        throw new AppError(
          'RULE_VIOLATED',
          'codigoCorreios expirado: abra o site novamente a partir do STER.',
        );
      }
      const { claims } = decoded;
      const service = await catalogue.findServiceForAttendance(ctx.db, claims.serviceId);
      if (!service || service.clientId !== partner.clientId) {
        throw new AppError('FORBIDDEN', 'Este codigoCorreios é de um serviço de outro cliente.');
      }
      const attendant = await partners.findAttendantAt(ctx.db, claims.attendantId, claims.agencyId);
      if (!attendant) {
        throw new AppError('RULE_VIOLATED', 'O atendente deste codigoCorreios não existe mais.');
      }

      return {
        codigoAgencia: attendant.agencyCode,
        nomeAgencia: attendant.agencyName,
        matriculaAtendente: attendant.registration,
        codigoServico: service.code,
        nomeServico: service.name,
        validoAte: claims.expiresAt.toISOString(),
      };
    },

    /** One of the partner's own protocols; any other code is simply not found. */
    async findProtocol(partner: PartnerActor, rawCode: string) {
      const code = parseProtocolCode(rawCode, 'params.protocolo');
      const row = await partners.findPartnerProtocol(ctx.db, partner.partnerId, code);
      if (!row) {
        throw new AppError('PROTOCOL_NOT_FOUND', `Protocolo ${code} não encontrado.`);
      }

      return {
        protocolo: row.code,
        situacao: row.status,
        descricaoSituacao: PROTOCOL_STATUS_LABELS[row.status],
        codigoConfirmacao: confirmationCodeOf(row.status, row.lastReason),
        chaveCliente: row.partnerKey ?? '',
        valorTotal: row.totalCents ?? 0,
        codigoServico: row.serviceCode,
        codigoAgencia: row.agencyCode,
        teste: row.isTest,
        dataCriacao: row.createdAt.toISOString(),
        dataAtualizacao: row.updatedAt.toISOString(),
      };
    },
  };
}

export type PartnerService = ReturnType<typeof createPartnerService>;

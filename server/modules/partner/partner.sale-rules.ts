import type { AppContext } from '@server/context.ts';
import type { Tx } from '@server/db/transaction.ts';
import { AppError } from '@server/errors.ts';
import type { CatalogueRepository } from '@server/modules/catalogue/catalogue.repository.ts';
import type { PartnerActor } from '@server/modules/partner/partner.actor.ts';
import type { CodigoCorreiosClaims } from '@server/modules/partner/partner.codigo-correios.ts';
import type { PartnerRepository } from '@server/modules/partner/partner.repository.ts';
import { priceAttendance } from '@server/modules/protocol/pricing.ts';
import { formatBRL } from '@shared/money.ts';
import { localDate } from '@shared/time.ts';

/** Whether a contract's service may be sold today: active, with its client and contract. */
export function inForceToday(
  service: {
    active: boolean;
    clientActive: boolean;
    contractActive: boolean;
    contractValidFrom: string;
    contractValidTo: string | null;
  },
  today: string,
) {
  return (
    service.active &&
    service.clientActive &&
    service.contractActive &&
    service.contractValidFrom <= today &&
    (service.contractValidTo === null || service.contractValidTo >= today)
  );
}

/**
 * The rules a partner's sale at a counter must meet, shared by `registra` and the confirmation
 * of a pre-attendance: the service is the partner's client's, on sale at the attendant's agency,
 * and `valorServico` agrees with the service's price rule.
 */
export function createSaleRules(
  ctx: AppContext,
  deps: { partners: PartnerRepository; catalogue: CatalogueRepository },
) {
  const { partners, catalogue } = deps;

  async function loadService(tx: Tx, partner: PartnerActor, claims: CodigoCorreiosClaims) {
    const service = await catalogue.findServiceForAttendance(tx, claims.serviceId);
    if (!service || service.clientId !== partner.clientId) {
      throw new AppError('FORBIDDEN', 'Este serviço não pertence a um cliente deste parceiro.');
    }
    if (!inForceToday(service, localDate(ctx.clock.now())) || service.solution !== 'clientSite') {
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

  /** The sale's lines and total: the service at `unitCents`, plus its associated items. */
  async function priceSale(tx: Tx, service: Service, unitCents: number, quantity: number) {
    const unit = await unitPrice(tx, service, unitCents);
    const items = service.allowsAssociatedItems
      ? await catalogue.listAssociatedItems(tx, service.id)
      : [];
    const priced = priceAttendance({
      service: { code: service.code, name: service.name },
      unit,
      quantity,
      associatedItems: items,
    });

    return { ...priced, tariffId: unit.tariffId };
  }

  return { loadService, priceSale };
}

export type SaleRules = ReturnType<typeof createSaleRules>;
export type SaleService = Awaited<ReturnType<SaleRules['loadService']>>;

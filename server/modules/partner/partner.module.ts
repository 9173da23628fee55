import type { AppContext } from '@server/context.ts';
import type { App } from '@server/http/types.ts';
import { createCatalogueRepository } from '@server/modules/catalogue/catalogue.repository.ts';
import { createPartnerResolver } from '@server/modules/partner/partner.actor.ts';
import { createPartnerAdmin } from '@server/modules/partner/partner.admin.ts';
import { registerPartnerAdminRoutes } from '@server/modules/partner/partner.admin.routes.ts';
import { createCodigoCorreios } from '@server/modules/partner/partner.codigo-correios.ts';
import { createPartnerRegistration } from '@server/modules/partner/partner.registration.ts';
import { createPartnerRepository } from '@server/modules/partner/partner.repository.ts';
import { registerPartnerContractRoutes } from '@server/modules/partner/partner.routes.ts';
import { createPartnerService } from '@server/modules/partner/partner.service.ts';
import { createProtocolHistory } from '@server/modules/protocol/protocol.history.ts';
import { createProtocolRepository } from '@server/modules/protocol/protocol.repository.ts';

/**
 * Wires and registers the partner integration (issue #6): contract, back office, links.
 * TODO(#6): hosted-form services calling a partner's validation endpoint before creating the
 * protocol, and submitting the form data to the partner's API, are not built yet.
 * TODO(#6): back-office changes to partners and credentials are not yet written to an audit log.
 */
export function registerPartnerModule(app: App, ctx: AppContext) {
  const partners = createPartnerRepository();
  const catalogue = createCatalogueRepository();
  const protocols = createProtocolRepository();
  const codigo = createCodigoCorreios(ctx.config.secretKey);
  const service = createPartnerService(ctx, { partners, catalogue, codigo });
  const registration = createPartnerRegistration(ctx, {
    partners,
    catalogue,
    protocols,
    history: createProtocolHistory(protocols),
    codigo,
  });

  registerPartnerContractRoutes(app, {
    resolve: createPartnerResolver(ctx.db, partners),
    registration,
    service,
    rateLimit: ctx.config.partnerRateLimit ?? 300,
  });
  registerPartnerAdminRoutes(app, createPartnerAdmin(ctx, partners), service);
}

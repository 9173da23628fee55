import type { AppContext } from '@server/context.ts';
import type { App } from '@server/http/types.ts';
import { createCatalogueRepository } from '@server/modules/catalogue/catalogue.repository.ts';
import { createPartnerResolver } from '@server/modules/partner/partner.actor.ts';
import { createPartnerAdmin } from '@server/modules/partner/partner.admin.ts';
import { registerPartnerAdminRoutes } from '@server/modules/partner/partner.admin.routes.ts';
import { createHooksAdmin } from '@server/modules/partner/partner.hooks.ts';
import { createHooksRepository } from '@server/modules/partner/partner.hooks.repository.ts';
import { registerHooksRoutes } from '@server/modules/partner/partner.hooks.routes.ts';
import { createCodigoCorreios } from '@server/modules/partner/partner.codigo-correios.ts';
import { createPartnerPreAttendance } from '@server/modules/partner/partner.pre-attendance.ts';
import { createPartnerRegistration } from '@server/modules/partner/partner.registration.ts';
import { createPartnerRepository } from '@server/modules/partner/partner.repository.ts';
import { registerPartnerContractRoutes } from '@server/modules/partner/partner.routes.ts';
import { createPartnerService } from '@server/modules/partner/partner.service.ts';
import { createProtocolHistory } from '@server/modules/protocol/protocol.history.ts';
import { createProtocolRepository } from '@server/modules/protocol/protocol.repository.ts';

/**
 * Wires and registers the partner integration (issue #6): contract, back office, links.
 * Hosted-form services may call the partner too: validation before creation
 * (`partner.validation.ts`, wired in `server/modules.ts`) and form submission (an outbox
 * subscriber, `outbox.submission.worker.ts`).
 */
export function registerPartnerModule(app: App, ctx: AppContext) {
  const partners = createPartnerRepository();
  const catalogue = createCatalogueRepository();
  const protocols = createProtocolRepository();
  const codigo = createCodigoCorreios(ctx.config.secretKey);
  const service = createPartnerService(ctx, { partners, catalogue, codigo });
  const saleDeps = {
    partners,
    catalogue,
    protocols,
    history: createProtocolHistory(protocols),
    codigo,
  };
  const registration = createPartnerRegistration(ctx, saleDeps);

  registerPartnerContractRoutes(app, {
    resolve: createPartnerResolver(ctx.db, partners),
    registration,
    service,
    preAttendance: createPartnerPreAttendance(ctx, saleDeps),
    rateLimit: ctx.config.partnerRateLimit ?? 300,
  });
  const admin = createPartnerAdmin(ctx, partners);
  registerPartnerAdminRoutes(app, admin, service);
  registerHooksRoutes(app, createHooksAdmin(ctx, createHooksRepository(), partners), admin);
}

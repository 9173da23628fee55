import type { AppContext } from '@server/context.ts';
import type { App } from '@server/http/types.ts';
import { createAuthRepository } from '@server/modules/auth/auth.repository.ts';
import { registerAuthRoutes } from '@server/modules/auth/auth.routes.ts';
import { createAuthService } from '@server/modules/auth/auth.service.ts';
import { registerBackoffice } from '@server/modules/backoffice/backoffice.module.ts';
import { createBillingModule } from '@server/modules/billing/billing.module.ts';
import { registerBillingRoutes } from '@server/modules/billing/billing.routes.ts';
import { createCitizenModule } from '@server/modules/citizen/citizen.module.ts';
import { createCatalogueRepository } from '@server/modules/catalogue/catalogue.repository.ts';
import { registerCatalogueRoutes } from '@server/modules/catalogue/catalogue.routes.ts';
import { createCatalogueService } from '@server/modules/catalogue/catalogue.service.ts';
import { createCounterRepository } from '@server/modules/counter/counter.repository.ts';
import { registerCounterRoutes } from '@server/modules/counter/counter.routes.ts';
import { createCounterService } from '@server/modules/counter/counter.service.ts';
import { registerErpImportModule } from '@server/modules/erp-import/erp-import.module.ts';
import { registerExpiryRoutes } from '@server/modules/expiry/expiry.routes.ts';
import { createExpiryService } from '@server/modules/expiry/expiry.service.ts';
import { createHooksRepository } from '@server/modules/partner/partner.hooks.repository.ts';
import { registerPartnerModule } from '@server/modules/partner/partner.module.ts';
import { createPartnerValidation } from '@server/modules/partner/partner.validation.ts';
import { createProtocolCreation } from '@server/modules/protocol/protocol.creation.ts';
import { createProtocolHistory } from '@server/modules/protocol/protocol.history.ts';
import { createProtocolQueries } from '@server/modules/protocol/protocol.queries.ts';
import { createProtocolRepository } from '@server/modules/protocol/protocol.repository.ts';
import { registerProtocolRoutes } from '@server/modules/protocol/protocol.routes.ts';
import { createProtocolService } from '@server/modules/protocol/protocol.service.ts';
import { registerReceiptRoutes } from '@server/modules/receipt/receipt.routes.ts';
import { registerReconciliationModule } from '@server/modules/reconciliation/reconciliation.module.ts';
import { createReportsModule } from '@server/modules/reports/reports.module.ts';

/** Wires repositories into services, once per application; the composition root. */
export function createModules(ctx: AppContext) {
  const catalogueRepository = createCatalogueRepository();
  const protocols = createProtocolRepository();
  const history = createProtocolHistory(protocols);
  const creation = createProtocolCreation(ctx, catalogueRepository, protocols, history);

  const auth = createAuthService(createAuthRepository(ctx.db), ctx.clock);
  const catalogue = createCatalogueService(ctx, catalogueRepository);
  const protocol = createProtocolService(ctx, {
    catalogue: catalogueRepository,
    protocols,
    history,
    creation,
    partnerCheck: createPartnerValidation(ctx, createHooksRepository()),
  });
  const queries = createProtocolQueries(ctx, { catalogue: catalogueRepository, protocols });
  const counter = createCounterService(ctx, {
    counter: createCounterRepository(),
    protocols,
    history,
  });
  const expiry = createExpiryService(ctx, { protocols, history });
  const billing = createBillingModule(ctx);
  const reports = createReportsModule(ctx);
  const citizen = createCitizenModule(ctx, { catalogue: catalogueRepository, protocols });

  return {
    auth,
    citizenAuth: citizen.auth,
    expiry,
    billing,
    reports,
    register(app: App) {
      registerAuthRoutes(app, ctx, auth);
      registerCatalogueRoutes(app, catalogue);
      registerProtocolRoutes(app, protocol, queries);
      registerCounterRoutes(app, counter);
      registerReceiptRoutes(app, counter);
      registerExpiryRoutes(app, expiry);
      registerPartnerModule(app, ctx);
      registerBackoffice(app, ctx);
      registerBillingRoutes(app, billing);
      registerReconciliationModule(app, ctx);
      reports.register(app);
      citizen.register(app);
      registerErpImportModule(app, ctx);
    },
  };
}

import type { AppContext } from '@server/context.ts';
import type { App } from '@server/http/types.ts';
import type { CatalogueRepository } from '@server/modules/catalogue/catalogue.repository.ts';
import { createCitizenAuthRepository } from '@server/modules/citizen-auth/citizen-auth.repository.ts';
import { createOidcRelyingParty } from '@server/modules/citizen-auth/citizen-auth.oidc.ts';
import { registerCitizenAuthRoutes } from '@server/modules/citizen-auth/citizen-auth.routes.ts';
import { createCitizenAuthService } from '@server/modules/citizen-auth/citizen-auth.service.ts';
import { registerCitizenRoutes } from '@server/modules/citizen/citizen.routes.ts';
import { createCitizenService } from '@server/modules/citizen/citizen.service.ts';
import type { ProtocolRepository } from '@server/modules/protocol/protocol.repository.ts';

/** The citizens' side of STER: IdCorreios sign-in and the portal's own reads. */
export function createCitizenModule(
  ctx: AppContext,
  deps: { catalogue: CatalogueRepository; protocols: ProtocolRepository },
) {
  // Read at each sign-in, so a configuration given after start (tests) is honoured.
  const relyingParty = createOidcRelyingParty(() => ctx.config.oidc);
  const auth = createCitizenAuthService(ctx, createCitizenAuthRepository(ctx.db), relyingParty);
  const citizens = createCitizenService(ctx, deps);

  return {
    auth,
    register(app: App) {
      registerCitizenAuthRoutes(app, ctx, auth);
      registerCitizenRoutes(app, citizens);
    },
  };
}

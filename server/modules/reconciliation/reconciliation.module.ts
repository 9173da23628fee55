import type { AppContext } from '@server/context.ts';
import type { App } from '@server/http/types.ts';
import { createDayCloseService } from '@server/modules/reconciliation/day-close.service.ts';
import { createReconciliationRepository } from '@server/modules/reconciliation/reconciliation.repository.ts';
import { registerReconciliationRoutes } from '@server/modules/reconciliation/reconciliation.routes.ts';
import { createReconciliationService } from '@server/modules/reconciliation/reconciliation.service.ts';

/** Wires and registers the cash day close and the reconciliation (issue #7). */
export function registerReconciliationModule(app: App, ctx: AppContext) {
  const repository = createReconciliationRepository();
  registerReconciliationRoutes(
    app,
    createDayCloseService(ctx, repository),
    createReconciliationService(ctx, repository),
  );
}

import type { AppContext } from '@server/context.ts';
import { createChangesRepository } from '@server/modules/backoffice/backoffice.changes.repository.ts';
import { createErpDeliveryRepository } from '@server/modules/billing/billing.erp.repository.ts';
import { createBillingRepository } from '@server/modules/billing/billing.repository.ts';
import { createBillingService } from '@server/modules/billing/billing.service.ts';
import { createDeliveryRepository } from '@server/modules/outbox/outbox.deliveries.repository.ts';

/** Wires the billing module (issue #7). */
export function createBillingModule(ctx: AppContext) {
  return createBillingService(ctx, {
    billing: createBillingRepository(),
    erp: createErpDeliveryRepository(),
    deliveries: createDeliveryRepository(),
    changes: createChangesRepository(),
  });
}

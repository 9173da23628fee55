import type { AppContext } from '@server/context.ts';
import type { App } from '@server/http/types.ts';
import { createChangesRepository } from '@server/modules/backoffice/backoffice.changes.repository.ts';
import { createErpImportRepository } from '@server/modules/erp-import/erp-import.repository.ts';
import { registerErpImportRoutes } from '@server/modules/erp-import/erp-import.routes.ts';
import { createErpImportService } from '@server/modules/erp-import/erp-import.service.ts';

/** ERP catalogue imports (issue #4): files from the back office and the ERP's own pushes. */
export function registerErpImportModule(app: App, ctx: AppContext) {
  const service = createErpImportService(ctx, {
    imports: createErpImportRepository(),
    changes: createChangesRepository(),
  });
  registerErpImportRoutes(app, ctx, service);
}

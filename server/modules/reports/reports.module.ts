import type { AppContext } from '@server/context.ts';
import type { App } from '@server/http/types.ts';
import { createPartnerResolver } from '@server/modules/partner/partner.actor.ts';
import { createPartnerRepository } from '@server/modules/partner/partner.repository.ts';
import { createExportsRepository } from '@server/modules/reports/reports.exports.repository.ts';
import { createExportsService } from '@server/modules/reports/reports.exports.service.ts';
import {
  createExportWorker,
  type ExportWorkerOptions,
} from '@server/modules/reports/reports.exports.worker.ts';
import { registerPartnerReportRoutes } from '@server/modules/reports/reports.partner.routes.ts';
import { createReportsRepository } from '@server/modules/reports/reports.repository.ts';
import { registerReportRoutes } from '@server/modules/reports/reports.routes.ts';
import { createReportsService } from '@server/modules/reports/reports.service.ts';

/** Exported files are kept this long after they are ready, then deleted. */
export const EXPORT_KEEP_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reports (issue #7): the module's services, its scheduled work (folding the aggregate's
 * deltas, running exports) and its routes.
 */
export function createReportsModule(ctx: AppContext, workerOptions: ExportWorkerOptions = {}) {
  const repository = createReportsRepository();
  const exportsRepository = createExportsRepository();
  const service = createReportsService(ctx, repository);
  const worker = createExportWorker(
    ctx,
    { exports: exportsRepository, reports: repository, service },
    workerOptions,
  );
  let running = false;

  /** Folds the aggregate and runs due exports; one pass at a time per server. */
  async function tick() {
    if (running) return;
    running = true;
    try {
      while ((await repository.fold(ctx.db)) > 0);
      await worker.runDue();
      const keepFrom = new Date(ctx.clock.now().getTime() - EXPORT_KEEP_DAYS * DAY_MS);
      await exportsRepository.purgeFinished(ctx.db, keepFrom);
    } finally {
      running = false;
    }
  }

  // A new export starts at once on the server that took the request, when jobs run at all.
  const nudge = () => {
    if (ctx.config.jobIntervalMs > 0) {
      setImmediate(
        () => void tick().catch((err: unknown) => ctx.logger.error({ err }, 'reports job failed')),
      );
    }
  };
  const exports = createExportsService(ctx, exportsRepository, nudge);

  return {
    service,
    worker,
    tick,
    fold: () => repository.fold(ctx.db),
    register(app: App) {
      registerReportRoutes(app, service, exports);
      registerPartnerReportRoutes(app, ctx, {
        resolve: createPartnerResolver(ctx.db, createPartnerRepository()),
        reports: service,
      });
    },
  };
}

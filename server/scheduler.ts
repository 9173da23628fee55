import type { AppContext } from '@server/context.ts';
import { pruneRateLimitCounters } from '@server/http/rate-limit-store.ts';
import type { createModules } from '@server/modules.ts';
import { createErpBillingWorker } from '@server/modules/outbox/erp-billing.worker.ts';
import { createPartnerSubmissionWorker } from '@server/modules/outbox/outbox.submission.worker.ts';
import { createPartnerCallbackWorker } from '@server/modules/outbox/outbox.worker.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Runs the periodic jobs of this server. Each job is safe to run on several servers at once
 * (rows are claimed with SKIP LOCKED), so every instance may run the scheduler.
 */
export function startScheduler(ctx: AppContext, modules: ReturnType<typeof createModules>) {
  if (ctx.config.jobIntervalMs <= 0) {
    return { stop: () => undefined };
  }
  let running = false;
  const tick = async () => {
    if (running) {
      return;
    }
    running = true;
    try {
      await modules.expiry.expireDue();
      await pruneRateLimitCounters(ctx.db, new Date(ctx.clock.now().getTime() - DAY_MS));
      await modules.billing.issueDue();
      await modules.citizenAuth.prune();
    } catch (error) {
      ctx.logger.error({ err: error, event: 'job_failed', job: 'expiry' }, 'scheduled job failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), ctx.config.jobIntervalMs);
  timer.unref();

  // Partner confirmations go out within seconds, on their own timer (issue #6).
  const callbacks = createPartnerCallbackWorker(ctx);
  const erp = createErpBillingWorker(ctx);
  const submissions = createPartnerSubmissionWorker(ctx);
  let delivering = false;
  const deliver = async () => {
    if (delivering) {
      return;
    }
    delivering = true;
    try {
      await callbacks.deliverDue();
      await erp.deliverDue();
      await submissions.deliverDue();
    } catch (error) {
      ctx.logger.error({ err: error, event: 'job_failed', job: 'callbacks' }, 'callbacks failed');
    } finally {
      delivering = false;
    }
  };
  const callbackTimer = setInterval(() => void deliver(), Math.min(ctx.config.jobIntervalMs, 2000));
  callbackTimer.unref();

  // Report aggregates and exports (issue #7): tick() guards against overlapping runs itself.
  const reportsTimer = setInterval(
    () => {
      modules.reports.tick().catch((error: unknown) => {
        ctx.logger.error({ err: error, event: 'job_failed', job: 'reports' }, 'reports job failed');
      });
    },
    Math.min(ctx.config.jobIntervalMs, 2000),
  );
  reportsTimer.unref();

  return {
    stop: () => {
      clearInterval(timer);
      clearInterval(callbackTimer);
      clearInterval(reportsTimer);
    },
  };
}

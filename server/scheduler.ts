import type { AppContext } from '@server/context.ts';
import { pruneRateLimitCounters } from '@server/http/rate-limit-store.ts';
import type { createModules } from '@server/modules.ts';

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
    } catch (error) {
      ctx.logger.error({ err: error, event: 'job_failed', job: 'expiry' }, 'scheduled job failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), ctx.config.jobIntervalMs);
  timer.unref();

  return { stop: () => clearInterval(timer) };
}

/** What a bounded run of concurrent workers achieved. */
export type RunResult = {
  completed: number;
  failed: number;
  seconds: number;
  perSecond: number;
  /** Milliseconds each completed unit of work took. */
  latencies: number[];
  /** The first few failures, to print. */
  errors: string[];
};

const KEPT_ERRORS = 5;

/**
 * Runs `work` in `concurrency` loops until `seconds` have passed, then waits for the units in
 * flight. Only what starts and ends inside the window counts; a warm-up run comes first and is
 * thrown away. A unit that throws counts as failed, and the loop goes on.
 */
export async function runWorkers(
  concurrency: number,
  seconds: number,
  work: (worker: number) => Promise<void>,
): Promise<RunResult> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const latencies: number[] = [];
  const errors: string[] = [];
  let failed = 0;

  async function loop(worker: number) {
    while (performance.now() < deadline) {
      const begin = performance.now();
      try {
        await work(worker);
        const end = performance.now();
        if (end <= deadline) {
          latencies.push(end - begin);
        }
      } catch (error) {
        failed += 1;
        if (errors.length < KEPT_ERRORS) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, (_, worker) => loop(worker)));
  const elapsed = Math.min(performance.now(), deadline) - started;

  return {
    completed: latencies.length,
    failed,
    seconds: elapsed / 1000,
    perSecond: latencies.length / (elapsed / 1000),
    latencies,
    errors,
  };
}

/** Several runs of the same work as one: totals over the summed time, all the samples. */
export function mergeRuns(runs: RunResult[]): RunResult {
  const completed = runs.reduce((sum, run) => sum + run.completed, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);

  return {
    completed,
    failed: runs.reduce((sum, run) => sum + run.failed, 0),
    seconds,
    perSecond: completed / seconds,
    latencies: runs.flatMap((run) => run.latencies),
    errors: runs.flatMap((run) => run.errors).slice(0, KEPT_ERRORS),
  };
}

/** The value below which `share` (0..1) of the samples fall, nearest-rank. */
export function percentile(samples: readonly number[], share: number): number {
  if (samples.length === 0) {
    return Number.NaN;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));

  return sorted[rank] ?? Number.NaN;
}

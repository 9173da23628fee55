/**
 * The application under test, in a process of its own as in production: the runtime and
 * `buildApp` that `ster serve` uses (pool of 20), on PostgreSQL, on 127.0.0.1 and a free port,
 * logging off. Started by `run.ts`, which it tells its port; it stops when `run.ts` disconnects.
 */
import { buildApp } from '@server/app.ts';
import type { Config } from '@server/config.ts';
import { openRuntime } from '@server/runtime.ts';

export type ServerReady = { port: number };
/** Sent in answer to the message `'cpu'`: this process's CPU milliseconds so far. */
export type ServerCpu = { cpuMs: number };

const databaseUrl = process.env.BENCH_DATABASE_URL;
const secret = process.env.BENCH_SECRET_KEY;
if (!databaseUrl || !secret || !process.send) {
  throw new Error('scripts/bench/server.ts is started by scripts/bench/run.ts');
}

const config: Config = {
  databaseUrl,
  dataDir: '/nonexistent',
  host: '127.0.0.1',
  port: 0,
  logLevel: 'silent',
  secretKey: Buffer.from(secret, 'hex'),
  secureCookies: false,
  jobIntervalMs: 0,
  oidc: null,
};
const { ctx, handle } = await openRuntime(config);
const app = await buildApp(ctx, { logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });

const address = app.server.address();
const ready: ServerReady = { port: typeof address === 'object' && address ? address.port : 0 };
process.send(ready);
process.on('message', (message) => {
  if (message === 'cpu') {
    const usage = process.cpuUsage();
    const answer: ServerCpu = { cpuMs: (usage.user + usage.system) / 1000 };
    process.send?.(answer);
  }
});
process.once('disconnect', () => {
  void app
    .close()
    .then(() => handle.close())
    .finally(() => process.exit(0));
});

/**
 * `npm run bench`: the throughput of the protocol lifecycle through the API against a
 * hand-written SQL baseline, then the pending list's latency over a million protocols. See
 * README.md beside this file. Talks only to 127.0.0.1 and drops its own database at the end.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PersonalDataVault } from '@server/security/personal-data.ts';
import { apiLifecycle, BENCH_ATTENDANTS, signIn } from './api-lifecycle.ts';
import { addCpu, cpuBetween, ownCpuMs, postgresCpuMs, type CpuSample } from './cpu.ts';
import { createBenchDatabase, dropBenchDatabase, serverVersion } from './database.ts';
import { createHttpClient, type HttpClient } from './http.ts';
import { mergeRuns, percentile, runWorkers, type RunResult } from './load.ts';
import {
  addBenchAgencies,
  explainPending,
  fillProtocols,
  measurePending,
} from './pending-latency.ts';
import { count, ms, percent, table, type Row } from './report.ts';
import { runReportsBench } from './reports.ts';
import type { ServerCpu, ServerReady } from './server.ts';
import { loadBenchSettings, type BenchSettings } from './settings.ts';
import { loadBaselineCatalogue, sqlLifecycle } from './sql-lifecycle.ts';

const SERVICE_CODE = '20101';
const LIFECYCLE_AIM = 2000;
const PENDING_P99_AIM_MS = 10;
const SERVER_START_TIMEOUT_MS = 60_000;

const step = (message: string) => console.log(`· ${message}`);

type ApiServer = { port: number; cpuMs: () => Promise<number>; stop: () => Promise<void> };

/** BENCH_PROFILE=<dir> writes the API server's CPU profile there, for Chrome's DevTools. */
function profileArguments(): string[] {
  const dir = process.env.BENCH_PROFILE;

  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.disconnect();
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null) {
    step('the API server did not stop in 5 s: killing it');
    child.kill('SIGKILL');
    await exited;
  }
}

function startServer(settings: BenchSettings, secret: Buffer): Promise<ApiServer> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', ...profileArguments()],
    env: {
      ...process.env,
      BENCH_DATABASE_URL: settings.databaseUrl,
      BENCH_SECRET_KEY: secret.toString('hex'),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const cpuMs = () =>
    new Promise<number>((resolve) => {
      child.once('message', (message: ServerCpu) => resolve(message.cpuMs));
      child.send('cpu');
    });

  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      void stopChild(child);
      reject(new Error(reason));
    };
    const timer = setTimeout(() => fail('the API server did not start'), SERVER_START_TIMEOUT_MS);
    child.once('exit', (code) => fail(`the API server exited with ${code}`));
    child.once('message', (message: ServerReady) => {
      clearTimeout(timer);
      resolve({ port: message.port, cpuMs, stop: () => stopChild(child) });
    });
  });
}

type Side = { name: string; work: (tag: string) => (worker: number) => Promise<void> };
type SideResult = RunResult & { cpu: CpuSample };

/**
 * Measures the API and the baseline in alternating rounds after one warm-up each: on a shared
 * machine, whatever else runs then weighs on both sides alike, and their ratio stays fair. The
 * CPU each party spends is counted too, which a busy neighbour does not inflate.
 */
async function throughput(
  settings: BenchSettings,
  sides: Side[],
  sampleCpu: () => Promise<CpuSample>,
): Promise<SideResult[]> {
  const { concurrency, warmupSeconds, rounds } = settings;
  for (const side of sides) {
    step(`${side.name}: warm-up ${warmupSeconds} s`);
    await runWorkers(concurrency, warmupSeconds, side.work('w'));
  }
  const runs: RunResult[][] = sides.map(() => []);
  const cpu: CpuSample[] = sides.map(() => ({ bench: 0, server: 0, postgres: 0 }));
  for (let round = 1; round <= rounds; round++) {
    for (const [index, side] of sides.entries()) {
      const seconds = settings.seconds / rounds;
      step(`${side.name}: round ${round} of ${rounds}, ${seconds.toFixed(1)} s`);
      const before = await sampleCpu();
      runs[index]?.push(await runWorkers(concurrency, seconds, side.work(`${round}r`)));
      cpu[index] = addCpu(cpu[index] ?? before, cpuBetween(before, await sampleCpu()));
    }
  }

  return sides.map((side, index) => {
    const merged = mergeRuns(runs[index] ?? []);
    for (const error of merged.errors) step(`${side.name} failure: ${error}`);

    return { ...merged, cpu: cpu[index] ?? { bench: 0, server: 0, postgres: 0 } };
  });
}

function lifecycleRows(name: string, result: SideResult, cores: number): Row[] {
  const { cpu, completed } = result;
  const perLifecycle = (value: number) => (completed > 0 ? value / completed : Number.NaN);
  const total = perLifecycle(cpu.bench + cpu.server + cpu.postgres);

  return [
    [`${name}: lifecycles/s`, count(result.perSecond), `${count(LIFECYCLE_AIM)} (stated aim)`],
    [
      `${name}: lifecycle p50 / p99`,
      `${ms(percentile(result.latencies, 0.5))} / ${ms(percentile(result.latencies, 0.99))}`,
      '',
    ],
    [`${name}: completed / failed`, `${count(completed)} / ${count(result.failed)}`, '0 failed'],
    [
      `${name}: CPU per lifecycle, client / server / PostgreSQL`,
      [cpu.bench, cpu.server, cpu.postgres].map((value) => ms(perLifecycle(value))).join(' / '),
      '',
    ],
    [
      `${name}: CPU-bound ceiling on ${cores} idle cores`,
      `${count((cores * 1000) / total)} lifecycles/s`,
      '',
    ],
  ];
}

function latencyRows(label: string, sample: { latencies: number[]; listed: number }): Row[] {
  const { latencies, listed } = sample;
  const figures = [percentile(latencies, 0.5), percentile(latencies, 0.99), Math.max(...latencies)];

  return [
    [`${label}: p50 / p99 / max`, figures.map(ms).join(' / '), `p99 < ${PENDING_P99_AIM_MS} ms`],
    [`${label}: protocols listed`, count(listed), ''],
  ];
}

async function bench(
  settings: BenchSettings,
  server: ApiServer,
  pool: pg.Pool,
  client: HttpClient,
  vault: PersonalDataVault,
) {
  const loadAtStart = loadavg()[0] ?? 0;
  const database = new URL(settings.databaseUrl).pathname.slice(1);
  const tokens = await Promise.all(
    BENCH_ATTENDANTS.map((registration) => signIn(client, registration)),
  );
  const service = await pool.query<{ id: string }>('select id from services where code = $1', [
    SERVICE_CODE,
  ]);
  const serviceId = service.rows[0]?.id ?? '';
  const catalogue = await loadBaselineCatalogue(pool, SERVICE_CODE, BENCH_ATTENDANTS);
  const sampleCpu = async (): Promise<CpuSample> => ({
    bench: ownCpuMs(),
    server: await server.cpuMs(),
    postgres: postgresCpuMs(database),
  });

  const [api, baseline] = await throughput(
    settings,
    [
      { name: 'API', work: (tag) => apiLifecycle(client, tokens, serviceId, tag) },
      { name: 'SQL baseline', work: (tag) => sqlLifecycle(pool, catalogue, vault, tag) },
    ],
    sampleCpu,
  );
  if (!api || !baseline) throw new Error('a throughput side is missing');

  step(`pending list, ${settings.latencyRequests} sequential requests, before the fill`);
  const token = tokens[0] ?? '';
  const small = await measurePending(client, token, settings.latencyRequests);
  step(`filling protocols to ${count(settings.fillRows)} rows`);
  await addBenchAgencies(pool);
  const fill = await fillProtocols(pool, settings.fillRows, vault);
  step(`pending list, ${settings.latencyRequests} sequential requests, after the fill`);
  const large = await measurePending(client, token, settings.latencyRequests);
  const plan = await explainPending(pool, BENCH_ATTENDANTS[0] ?? '');

  const rows: Row[] = [
    [
      'machine load (1-minute average), start / end',
      `${loadAtStart.toFixed(1)} / ${(loadavg()[0] ?? 0).toFixed(1)}`,
      `< ${settings.cpus} (otherwise idle)`,
    ],
    ...lifecycleRows('API', api, settings.cpus),
    ...lifecycleRows('SQL baseline', baseline, settings.cpus),
    ['API / baseline, lifecycles/s', percent(api.perSecond / baseline.perSecond), '≥ 50 %'],
    [
      'fill: one insert … select, then its indexes',
      `${count(fill.inserted)} rows in ${fill.insertSeconds.toFixed(1)} s + ` +
        `${fill.indexSeconds.toFixed(1)} s`,
      '',
    ],
    ['protocols table', `${count(fill.total)} rows`, count(settings.fillRows)],
    ...latencyRows(`GET /counter/pending, ${count(fill.total - fill.inserted)} rows`, small),
    ...latencyRows(`GET /counter/pending, ${count(fill.total)} rows`, large),
  ];
  console.log('');
  console.log(table(['measure', 'value', 'aim'], rows));
  console.log('');
  console.log(`EXPLAIN ANALYZE of the pending-list query (attendant ${BENCH_ATTENDANTS[0]}):`);
  for (const line of plan) console.log(`  ${line}`);
}

async function main() {
  const settings = loadBenchSettings();
  const secret = randomBytes(32);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  step(`${settings.cpus} CPUs (${cpu}), Node ${process.version}`);
  step(
    `${settings.concurrency} concurrent clients, ${settings.seconds} s per side ` +
      `in ${settings.rounds} rounds`,
  );
  step(`creating ${new URL(settings.databaseUrl).pathname.slice(1)}: migrate and seed`);
  await createBenchDatabase(settings);

  const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: settings.concurrency });
  // An idle client whose connection is cut (the database dropped at the end) must not crash
  // the bench; a failing query still rejects its own promise.
  pool.on('error', () => undefined);
  let server: ApiServer | undefined;
  let client: HttpClient | undefined;
  try {
    step(`PostgreSQL ${await serverVersion(pool)}; starting the API server`);
    server = await startServer(settings, secret);
    client = createHttpClient(server.port, settings.concurrency);
    await bench(settings, server, pool, client, new PersonalDataVault(secret));
  } finally {
    client?.close();
    await server?.stop();
    await pool.end();
    if (process.env.BENCH_KEEP_DATABASE === '1') {
      step(`kept ${settings.databaseUrl} (BENCH_KEEP_DATABASE=1)`);
    } else {
      await dropBenchDatabase(settings);
    }
  }
  // Issue #7: the reports bench, on a database of its own filled within one month.
  if (process.env.BENCH_REPORTS !== '0') {
    await runReportsBench(settings);
  }
}

await main();

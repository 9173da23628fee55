/**
 * The reports bench (issue #7): a month's attendance report over 1,000,000 protocols, for all
 * agencies and for one, through the application, against the plain aggregate query over
 * `protocols` measured in the same run. See README.md beside this file.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { buildApp, type SterApp } from '@server/app.ts';
import type { Config } from '@server/config.ts';
import { openDatabase } from '@server/db/database.ts';
import { createLogger } from '@server/logger.ts';
import { createReportsRepository } from '@server/modules/reports/reports.repository.ts';
import { DEMO_PASSWORD } from '@server/seed/demo-catalogue.ts';
import { PersonalDataVault } from '@server/security/personal-data.ts';
import { systemClock } from '@server/context.ts';
import { localDate } from '@shared/time.ts';
import { createBenchDatabase, dropBenchDatabase } from './database.ts';
import { percentile } from './load.ts';
import { addBenchAgencies, fillProtocols } from './pending-latency.ts';
import { count, ms, table, type Row } from './report.ts';
import type { BenchSettings } from './settings.ts';

const ALL_AGENCIES_AIM_MS = 1000;
const ONE_AGENCY_AIM_MS = 100;
const DAYS = 30;
const RUNS = 20;
const BASELINE_RUNS = 5;
const WARMUP = 3;

const step = (message: string) => console.log(`· ${message}`);

type Timed = { p50: number; p95: number; max: number };

async function timed(runs: number, work: () => Promise<unknown>): Promise<Timed> {
  for (let i = 0; i < WARMUP; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const begin = performance.now();
    await work();
    samples.push(performance.now() - begin);
  }

  return {
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    max: Math.max(...samples),
  };
}

/** The plain aggregate the report replaces: one pass over the month's protocols. */
function baselineQuery(agencyId: string | null) {
  return {
    text: `select (created_at at time zone 'America/Sao_Paulo')::date as day,
        count(*) as attendances, sum(total_cents) as amount,
        count(*) filter (where status = 'finalised') as finalised,
        sum(total_cents) filter (where status = 'finalised') as finalised_amount
      from protocols
      where created_at >= ($1::date)::timestamp at time zone 'America/Sao_Paulo'
        and created_at < ($2::date + 1)::timestamp at time zone 'America/Sao_Paulo'
        and not is_test and ($3::uuid is null or agency_id = $3)
      group by 1`,
    values: [] as unknown[],
    agencyId,
  };
}

async function reportVia(app: SterApp, token: string, query: string) {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/reports/attendances?${query}`,
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.statusCode !== 200) {
    throw new Error(`report: HTTP ${response.statusCode} ${response.body.slice(0, 200)}`);
  }

  return response.json<{ totals: { attendances: number; amountCents: number } }>();
}

function reportSettings(settings: BenchSettings): BenchSettings {
  const url = new URL(settings.databaseUrl);
  url.pathname = `${url.pathname}_reports`;

  return { ...settings, databaseUrl: url.toString() };
}

async function openApp(databaseUrl: string, secret: Buffer) {
  const handle = await openDatabase({ databaseUrl, poolSize: 10 });
  const config: Config = {
    databaseUrl,
    dataDir: '.',
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    secretKey: secret,
    secureCookies: false,
    jobIntervalMs: 0,
    oidc: null,
  };
  const app = await buildApp(
    {
      config,
      db: handle.db,
      dbKind: handle.kind,
      vault: new PersonalDataVault(secret),
      logger: createLogger('silent'),
      clock: systemClock,
    },
    { logger: false },
  );

  return { app, handle, close: async () => (await app.close(), await handle.close()) };
}

async function signIn(app: SterApp, registration: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sessions',
    payload: { registration, password: DEMO_PASSWORD },
  });

  return response.json<{ token: string }>().token;
}

async function measure(settings: BenchSettings, pool: pg.Pool, secret: Buffer): Promise<Row[]> {
  const loadAtStart = loadavg()[0] ?? 0;
  step(`filling protocols to ${count(settings.fillRows)} rows over the last ${DAYS} days`);
  await addBenchAgencies(pool);
  const fill = await fillProtocols(
    pool,
    settings.fillRows,
    new PersonalDataVault(secret),
    (DAYS * 86_400 - 3600) / settings.fillRows,
  );
  // The bulk load ran with triggers off, so the aggregate is computed once from the table.
  const rebuildStart = performance.now();
  await pool.query('select report_rebuild()');
  await pool.query('vacuum (analyze) report_daily');
  const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
  const aggregateRows = await pool.query<{ n: string }>('select count(*) as n from report_daily');

  const to = localDate(new Date());
  const from = localDate(new Date(Date.now() - (DAYS - 1) * 86_400_000));
  const agency = await pool.query<{ id: string }>(
    `select agency_id as id from protocols group by 1 order by count(*) desc limit 1`,
  );
  const agencyId = agency.rows[0]?.id ?? '';
  const period = `from=${from}&to=${to}`;
  const { app, handle, close } = await openApp(settings.databaseUrl, secret);
  try {
    const token = await signIn(app, '90000001');
    const baseline = (id: string | null) => {
      const query = baselineQuery(id);

      return pool.query(query.text, [from, to, query.agencyId]);
    };

    step('checking that the report and the plain aggregate agree');
    const mine = await reportVia(app, token, period);
    const plain = await baseline(null);
    const plainTotal = plain.rows.reduce((sum, row) => sum + Number(row.attendances), 0);
    if (mine.totals.attendances !== plainTotal) {
      throw new Error(`report says ${mine.totals.attendances}, protocols say ${plainTotal}`);
    }

    step(`timing ${RUNS} reports per case (after ${WARMUP} unmeasured)`);
    const cases: [string, () => Promise<unknown>, number][] = [
      [
        'all agencies, per day',
        () => reportVia(app, token, `${period}&groupBy=day`),
        ALL_AGENCIES_AIM_MS,
      ],
      [
        'all agencies, per service',
        () => reportVia(app, token, `${period}&groupBy=service`),
        ALL_AGENCIES_AIM_MS,
      ],
      [
        'all agencies, per agency',
        () => reportVia(app, token, `${period}&groupBy=agency`),
        ALL_AGENCIES_AIM_MS,
      ],
      [
        'one agency, per day',
        () => reportVia(app, token, `${period}&agencyId=${agencyId}`),
        ONE_AGENCY_AIM_MS,
      ],
      [
        'one agency, per attendant (from protocols)',
        () => reportVia(app, token, `${period}&agencyId=${agencyId}&groupBy=attendant`),
        ONE_AGENCY_AIM_MS,
      ],
    ];
    const rows: Row[] = [
      ['machine load (1-minute average) at start', loadAtStart.toFixed(1), '< number of cores'],
      [
        'protocols in the month',
        `${count(plainTotal)} of ${count(fill.total)}`,
        count(settings.fillRows),
      ],
      [
        'fill, then aggregate rebuild',
        `${fill.insertSeconds.toFixed(1)} s + ${rebuildSeconds.toFixed(1)} s`,
        '',
      ],
      ['report_daily rows', count(Number(aggregateRows.rows[0]?.n ?? 0)), ''],
    ];
    const repository = createReportsRepository();
    const filters = (agency?: string) => ({ from, to, isTest: false, agencyId: agency });
    const sqlAll = await timed(RUNS, () => repository.figures(handle.db, filters(), 'day'));
    const sqlOne = await timed(RUNS, () => repository.figures(handle.db, filters(agencyId), 'day'));
    const baseAll = await timed(BASELINE_RUNS, () => baseline(null));
    const baseOne = await timed(BASELINE_RUNS, () => baseline(agencyId));
    for (const [name, work, aim] of cases) {
      const figures = await timed(RUNS, work);
      const base = aim === ALL_AGENCIES_AIM_MS ? baseAll : baseOne;
      rows.push([
        `API ${name}: p50 / p95 / max`,
        `${ms(figures.p50)} / ${ms(figures.p95)} / ${ms(figures.max)}`,
        `< ${aim} ms; ${(base.p50 / figures.p50).toFixed(1)}× (baseline p50 ÷ this p50)`,
      ]);
    }
    rows.push([
      'report SQL alone, all agencies, per day: p50 / p95',
      `${ms(sqlAll.p50)} / ${ms(sqlAll.p95)}`,
      `${(baseAll.p50 / sqlAll.p50).toFixed(1)}× (baseline p50 ÷ this p50)`,
    ]);
    rows.push([
      'report SQL alone, one agency, per day: p50 / p95',
      `${ms(sqlOne.p50)} / ${ms(sqlOne.p95)}`,
      `${(baseOne.p50 / sqlOne.p50).toFixed(1)}× (baseline p50 ÷ this p50)`,
    ]);
    rows.push([
      'baseline (plain SQL) all agencies, per day: p50 / p95',
      `${ms(baseAll.p50)} / ${ms(baseAll.p95)}`,
      '',
    ]);
    rows.push([
      'baseline one agency, per day: p50 / p95',
      `${ms(baseOne.p50)} / ${ms(baseOne.p95)}`,
      '',
    ]);

    step('cancelling every pending protocol (1 %) through the trigger, then reading and folding');
    const changed = await pool.query(
      `update protocols set status = 'cancelled', updated_at = now() where status = 'pending'`,
    );
    const withDeltas = await timed(RUNS, () => reportVia(app, token, `${period}&groupBy=day`));
    const foldStart = performance.now();
    await pool.query('select report_fold(1000000)');
    const foldMs = performance.now() - foldStart;
    rows.push([
      `API all agencies, per day, with ${count((changed.rowCount ?? 0) * 2)} unfolded deltas`,
      `${ms(withDeltas.p50)} / ${ms(withDeltas.p95)} / ${ms(withDeltas.max)}`,
      `< ${ALL_AGENCIES_AIM_MS} ms`,
    ]);
    rows.push(['fold of those deltas into report_daily', ms(foldMs), '']);

    return rows;
  } finally {
    await close();
  }
}

/** Creates its own database (`<bench database>_reports`), measures, prints, drops it. */
export async function runReportsBench(base: BenchSettings) {
  const settings = reportSettings(base);
  step(`reports bench: creating ${new URL(settings.databaseUrl).pathname.slice(1)}`);
  await createBenchDatabase(settings);
  const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 4 });
  pool.on('error', () => undefined);
  try {
    const rows = await measure(settings, pool, randomBytes(32));
    console.log('');
    console.log(table(['reports (issue #7)', 'value', 'aim'], rows));
    console.log('');
  } finally {
    await pool.end();
    if (process.env.BENCH_KEEP_DATABASE === '1') {
      step(`kept ${settings.databaseUrl} (BENCH_KEEP_DATABASE=1)`);
    } else {
      await dropBenchDatabase(settings);
    }
  }
}

import fs from 'node:fs';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type SterApp } from '@server/app.ts';
import { loggerOptions } from '@server/logger.ts';
import {
  apiAs,
  codesOf,
  counterReference,
  cpfFormData,
  CPFS,
  createPending,
  createPreAttendance,
  inPersonBody,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

/** The CPF of the factories' citizen, in every way it may be written, and her names. */
const SECRETS = ['12345678909', '123.456.789-09', '456789', 'Maria da Silva', 'Joana da Silva'];
const OTHER_CPF = ['52998224725', '529.982.247-25', 'João Pereira'];

/**
 * Captures what pino writes to standard output. buildApp gives Fastify pino options, not a
 * stream, so its request logs go to fd 1; they are copied here while the test runs.
 */
function captureStdout() {
  const lines: string[] = [];
  const write = fs.write;
  const writeSync = fs.writeSync;
  const keep = (data: unknown) =>
    lines.push(Buffer.isBuffer(data) ? data.toString() : String(data));
  const patched = (...args: unknown[]) => {
    if (args[0] !== 1) return (write as (...a: unknown[]) => void)(...args);
    keep(args[1]);
    const callback = args.at(-1) as (error: null, written: number) => void;
    process.nextTick(callback, null, Buffer.byteLength(args[1] as string));
  };
  const patchedSync = (...args: unknown[]) => {
    if (args[0] !== 1) return (writeSync as (...a: unknown[]) => number)(...args);
    keep(args[1]);
    return Buffer.byteLength(args[1] as string);
  };
  Object.assign(fs, { write: patched, writeSync: patchedSync });

  return {
    text: () => lines.join(''),
    restore: () => Object.assign(fs, { write, writeSync }),
  };
}

describe('personal data stays out of the database dump and the logs', () => {
  let t: TestApp;
  let logged: SterApp;
  let api: Api;
  let cpfService: string;
  const serviceLog: string[] = [];
  const stdout = captureStdout();

  beforeAll(async () => {
    t = await createTestApp();
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        serviceLog.push(chunk.toString());
        done();
      },
    });
    logged = await buildApp(
      {
        ...t.ctx,
        config: { ...t.ctx.config, logLevel: 'trace' },
        logger: pino(loggerOptions('trace'), stream),
      },
      { logger: true },
    );
    const through = { ...t, app: logged };
    api = apiAs(through, await through.signIn(STAFF.esmeralda));
    cpfService = await serviceId(api, 'RFB', '20101');

    const pending = await createPending(api, { serviceId: cpfService, key: 'personal-data-1' });
    await api.post(`/api/v1/counter/protocols/${pending}/generate`);
    await api.post(`/api/v1/counter/protocols/${pending}/finalise`, counterReference());
    await api.get(`/api/v1/counter/protocols/${pending}/receipt`);
    const second = await createPending(api, { serviceId: cpfService });
    await api.post(`/api/v1/counter/protocols/${second}/cancel`, { reason: 'citizenGaveUp' });
    const pre = await createPreAttendance(apiAs(through), { serviceId: cpfService });
    await api.post(`/api/v1/protocols/${pre}/complete`, {
      documentsChecked: ['identidade', 'residencia'],
      citizen: { document: CPFS[0], name: 'Maria da Silva' },
    });
    await api.post('/api/v1/protocols/search', { document: '123.456.789-09' });
    await api.post('/api/v1/counter/pending/search', { document: CPFS[0] });
    await api.get(`/api/v1/protocols/${pending}`);
    await api.post(
      '/api/v1/attendances/in-person',
      inPersonBody({ serviceId: cpfService, formData: cpfFormData({ cep: '1' }) }),
    );
    await api.post('/api/v1/attendances/in-person', {
      ...inPersonBody({ serviceId: cpfService }),
      x: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  afterAll(async () => {
    stdout.restore();
    await logged.close();
    await t.close();
  });

  it('keeps CPFs and names out of every protocol table', async () => {
    for (const table of [
      'protocols',
      'protocol_events',
      'protocol_lines',
      'outbox',
      'idempotency_keys',
    ]) {
      const dump = await sql<{
        row: string;
      }>`select t::text as row from ${sql.table(table)} t`.execute(t.ctx.db);
      expect(dump.rows.length, table).toBeGreaterThan(0);
      const text = dump.rows.map((r) => r.row).join('\n');
      for (const secret of [...SECRETS, ...OTHER_CPF]) {
        expect(text.includes(secret), `${secret} in ${table}`).toBe(false);
      }
    }
  });

  it('still finds the protocols by CPF', async () => {
    const codes = codesOf(await api.post('/api/v1/protocols/search', { document: CPFS[0] }));
    expect(codes.length).toBeGreaterThanOrEqual(3);
  });

  it('writes request logs, but never the CPF or the names', () => {
    const text = stdout.text();
    expect(text).toContain('"msg":"incoming request"');
    expect(text).toContain('"msg":"request refused"');
    for (const secret of [...SECRETS, ...OTHER_CPF]) {
      expect(text.includes(secret), secret).toBe(false);
    }
    for (const secret of SECRETS) {
      expect(serviceLog.join('').includes(secret), secret).toBe(false);
    }
  });
});

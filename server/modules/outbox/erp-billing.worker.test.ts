import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  backOfficeOf,
  BRASILCAP_INVOICED,
  contractId,
  finalisedPrize,
  generate,
  issue,
} from '@server/modules/billing/billing.fixtures.ts';
import {
  acknowledgementOf,
  createErpBillingWorker,
  erpSecretOf,
} from '@server/modules/outbox/erp-billing.worker.ts';
import { startErpStandin, type ErpStandin } from '@erp-standin/server.ts';
import { TestClock } from '@test/clock.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

let t: TestApp;
let erp: ErpStandin | null = null;
let port: number;
const clock = new TestClock(new Date('2026-11-10T13:00:00Z'));

beforeAll(async () => {
  // Take a free port for the ERP, then leave it down: STER must keep the statement queued.
  const probe = await startErpStandin({ port: 0, secret: 'whsec_cHJvYmU=' });
  port = probe.port;
  await probe.close();
  t = await createTestApp({ clock, config: { erpUrl: `http://127.0.0.1:${port}/extratos` } });
});

afterAll(async () => {
  vi.useRealTimers();
  await erp?.close();
  await t?.close();
});

type DeliveryLog = {
  deliveries: {
    status: string;
    attempts: number;
    lastError: string | null;
    attemptLog: unknown[];
  }[];
  acknowledgements: { accepted: boolean; erpReference: string | null; totalCents: number | null }[];
};

describe('statements to the ERP through the outbox', () => {
  it('delivers an issued statement after the ERP was down, signed, and records its answer', async () => {
    const code = await finalisedPrize(t);
    clock.advanceDays(21); // 1 December
    const backOffice = await backOfficeOf(t);
    const statement = await issue(
      backOffice,
      (await generate(backOffice, await contractId(backOffice, BRASILCAP_INVOICED))).id,
    );
    const worker = createErpBillingWorker(t.ctx, { timeoutMs: 2000 });
    const log = async () =>
      (
        await backOffice.get(`/api/v1/billing/statements/${statement.id}/deliveries`)
      ).json<DeliveryLog>();

    expect(await worker.deliverDue()).toEqual({ attempted: 1, delivered: 0 });
    const down = await log();
    expect(down.deliveries).toEqual([
      expect.objectContaining({
        status: 'pending',
        attempts: 1,
        lastError: expect.stringMatching(/ECONNREFUSED/),
      }),
    ]);
    expect(down.acknowledgements).toEqual([]);
    // Not due again before the retry delay.
    expect(await worker.deliverDue()).toEqual({ attempted: 0, delivered: 0 });

    erp = await startErpStandin({ port, secret: erpSecretOf(t.ctx) });
    clock.advance(31_000);
    // The ERP checks the signature's timestamp against its own clock: let it read STER's.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(clock.now());
    expect(await worker.deliverDue()).toEqual({ attempted: 1, delivered: 1 });

    const up = await log();
    expect(up.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(up.deliveries[0]?.attemptLog).toHaveLength(2);
    expect(up.acknowledgements).toEqual([
      expect.objectContaining({ accepted: true, erpReference: 'ERP-000001', totalCents: 450 }),
    ]);
    expect(erp.received).toEqual([
      expect.objectContaining({
        number: statement.number,
        totalCents: 450,
        lines: [{ protocolCode: code, totalCents: 450 }],
      }),
    ]);
    expect(await worker.deliverDue()).toEqual({ attempted: 0, delivered: 0 });
  });

  it('replays a delivery on request; the ERP dedupes it by webhook-id', async () => {
    const backOffice = await backOfficeOf(t);
    const [statement] = (await backOffice.get('/api/v1/billing/statements'))
      .json<{
        statements: { id: string; status: string }[];
      }>()
      .statements.filter((item) => item.status === 'issued');
    const before = (
      await backOffice.get(`/api/v1/billing/statements/${statement?.id}/deliveries`)
    ).json<DeliveryLog & { deliveries: { id: number }[] }>();
    const replayed = await backOffice.post(
      `/api/v1/billing/statements/${statement?.id}/deliveries/${before.deliveries[0]?.id}/replay`,
    );
    expect(replayed.statusCode).toBe(200);
    expect(await createErpBillingWorker(t.ctx).deliverDue()).toEqual({
      attempted: 1,
      delivered: 1,
    });

    expect(erp?.received).toHaveLength(1);
    const after = (
      await backOffice.get(`/api/v1/billing/statements/${statement?.id}/deliveries`)
    ).json<DeliveryLog>();
    expect(after.acknowledgements.map((ack) => ack.erpReference)).toEqual([
      'ERP-000001',
      'ERP-000001',
    ]);
  });

  it('refuses to replay a delivery of another statement', async () => {
    const backOffice = await backOfficeOf(t);
    const refused = await backOffice.post(
      '/api/v1/billing/statements/00000000-0000-4000-8000-000000000000/deliveries/1/replay',
    );

    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('NOT_FOUND');
  });
});

describe("the ERP's answer", () => {
  it('records a refusal as such, and an unreadable 2xx as received with nothing more', () => {
    expect(acknowledgementOf('{"aceito":false,"mensagem":"Contrato suspenso"}')).toEqual({
      accepted: false,
      erpReference: null,
      totalCents: null,
      message: 'Contrato suspenso',
    });
    expect(acknowledgementOf('<html>ok</html>')).toEqual({
      accepted: true,
      erpReference: null,
      totalCents: null,
      message: null,
    });
  });
});

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPartnerCallbackWorker } from '@server/modules/outbox/outbox.worker.ts';
import {
  closeTestApp,
  codigoFor,
  createPartner,
  registra,
  registraBody,
  type TestPartner,
} from '@server/modules/partner/partner.fixtures.ts';
import {
  apiAs,
  counterReference,
  createPending,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

type Received = { headers: IncomingHttpHeaders; body: string };

/** A partner's confirmation endpoint on 127.0.0.1 that can be taken down and brought back. */
function receiver() {
  const received: Received[] = [];
  let server: Server | null = null;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      server = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        request.on('end', () => {
          received.push({ headers: request.headers, body });
          response.writeHead(204).end();
        });
      });
      server.listen(port, '127.0.0.1', () => resolve((server?.address() as AddressInfo).port));
    });
  const close = () =>
    new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

  return { received, listen, close };
}

let t: TestApp;
let partner: TestPartner;
const site = receiver();
let port: number;

beforeAll(async () => {
  vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'true');
  t = await createTestApp();
  port = await site.listen(0);
  await site.close();
  partner = await createPartner(t, { confirmationUrl: `http://127.0.0.1:${port}/confirmacoes` });
});

afterAll(async () => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  await site.close();
  await closeTestApp(t);
});

async function registerSale(token: string): Promise<string> {
  const response = await registra(t, token, registraBody(await codigoFor(t)));
  expect(response.statusCode).toBe(200);

  return response.json<{ protocolo: string }>().protocolo;
}

/** Signs in afresh each time: the test clock moves past session timeouts. */
async function counterApi(): Promise<Api> {
  return apiAs(t, await t.signIn(STAFF.esmeralda));
}

async function finalise(code: string) {
  const counter = await counterApi();
  expect((await counter.post(`/api/v1/counter/protocols/${code}/generate`)).statusCode).toBe(200);
  const done = await counter.post(`/api/v1/counter/protocols/${code}/finalise`, counterReference());
  expect(done.statusCode).toBe(200);
}

async function deliveriesOf(code?: string) {
  const backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
  const query = code ? `?protocol=${code}` : '';
  const response = await backOffice.get(
    `/api/v1/backoffice/partners/${partner.id}/deliveries${query}`,
  );
  expect(response.statusCode).toBe(200);

  return response.json<{
    deliveries: {
      id: number;
      protocolCode: string;
      status: string;
      attempts: number;
      lastError: string | null;
      attemptLog: unknown[];
    }[];
  }>().deliveries;
}

describe('partner confirmations through the outbox', () => {
  it('delivers every confirmation after the receiver was down, in order, signed', async () => {
    const worker = createPartnerCallbackWorker(t.ctx, { timeoutMs: 2000 });
    const first = await registerSale(partner.token);
    const second = await registerSale(partner.token);
    await finalise(first);
    const counter = await counterApi();
    const reversed = await counter.post(`/api/v1/counter/protocols/${first}/reverse`, {
      reason: 'Valor digitado errado',
    });
    expect(reversed.statusCode).toBe(200);
    const cancelled = await counter.post(`/api/v1/counter/protocols/${second}/cancel`, {
      reason: 'citizenGaveUp',
    });
    expect(cancelled.statusCode).toBe(200);

    // Down: the first event of each protocol is tried and fails; the later one waits its turn.
    const down = await worker.deliverDue();
    expect(down).toMatchObject({ attempted: 2, delivered: 0 });
    t.clock.advance(31_000);
    expect(await worker.deliverDue()).toMatchObject({ attempted: 2, delivered: 0 });
    const log = await deliveriesOf(first);
    const earliest = log.at(-1);
    expect(earliest).toMatchObject({ status: 'pending', attempts: 2 });
    expect(earliest?.lastError).toMatch(/ECONNREFUSED/);
    expect(log[0]).toMatchObject({ attempts: 0 });

    // An hour later the partner is back: everything arrives, one step at a time per protocol.
    await site.listen(port);
    t.clock.advance(60 * 60 * 1000);
    for (let pass = 0; pass < 10; pass++) {
      const result = await worker.deliverDue();
      if (result.attempted === 0) break;
      t.clock.advance(1000);
    }

    const bodies = site.received.map((item) => JSON.parse(item.body) as Record<string, string>);
    expect(bodies.filter((body) => body.numeroProtocolo === first)).toEqual([
      { numeroProtocolo: first, codigoConfirmacao: '00' },
      { numeroProtocolo: first, codigoConfirmacao: '04' },
    ]);
    expect(bodies.filter((body) => body.numeroProtocolo === second)).toEqual([
      { numeroProtocolo: second, codigoConfirmacao: '01' },
    ]);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t.clock.now());
    const webhook = new Webhook(partner.webhookSecret);
    for (const item of site.received) {
      const headers = Object.fromEntries(
        Object.entries(item.headers).map(([name, value]) => [name, String(value)]),
      );
      expect(webhook.verify(item.body, headers)).toEqual(JSON.parse(item.body));
      expect(() => webhook.verify(`${item.body} `, headers)).toThrow();
    }
    vi.useRealTimers();

    const after = await deliveriesOf(first);
    expect(after.every((delivery) => delivery.status === 'delivered')).toBe(true);
    expect(after.at(-1)?.attemptLog).toHaveLength(3);
  });

  it('replays a delivered confirmation with the same webhook-id', async () => {
    const worker = createPartnerCallbackWorker(t.ctx, { timeoutMs: 2000 });
    const code = await registerSale(partner.token);
    await finalise(code);
    await worker.deliverDue();
    const [delivery] = await deliveriesOf(code);
    const sent = site.received.filter((item) => item.body.includes(code));
    expect(sent).toHaveLength(1);

    const backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
    const replay = await backOffice.post(
      `/api/v1/backoffice/partners/${partner.id}/deliveries/${delivery?.id}/replay`,
    );
    expect(replay.statusCode).toBe(200);
    await worker.deliverDue();

    const again = site.received.filter((item) => item.body.includes(code));
    expect(again).toHaveLength(2);
    expect(again[1]?.headers['webhook-id']).toBe(again[0]?.headers['webhook-id']);

    const stranger = await createPartner(t, { clientCode: 'CTBC' });
    const foreign = await backOffice.post(
      `/api/v1/backoffice/partners/${stranger.id}/deliveries/${delivery?.id}/replay`,
    );
    expect(foreign.statusCode).toBe(404);
  });

  it('leaves protocols without a partner out of the callback queue', async () => {
    const worker = createPartnerCallbackWorker(t.ctx, { timeoutMs: 2000 });
    await worker.deliverDue();
    const counter = await counterApi();
    const code = await createPending(counter, {
      serviceId: await serviceId(counter, 'RFB', '20101'),
    });
    await finalise(code);

    expect(await worker.deliverDue()).toMatchObject({ attempted: 0 });
  });

  it('calls back for sandbox (test) protocols as well', async () => {
    const sandbox = await createPartner(t, {
      mode: 'sandbox',
      confirmationUrl: `http://127.0.0.1:${port}/confirmacoes`,
    });
    const code = await registerSale(sandbox.token);
    await finalise(code);
    await createPartnerCallbackWorker(t.ctx).deliverDue();

    expect(site.received.some((item) => item.body.includes(code))).toBe(true);
  });

  it('refuses at delivery time a callback URL that became private, and retries later', async () => {
    vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'false');
    try {
      const code = await registerSale(partner.token);
      await finalise(code);
      const result = await createPartnerCallbackWorker(t.ctx).deliverDue();
      expect(result).toMatchObject({ attempted: 1, delivered: 0 });
      const [delivery] = await deliveriesOf(code);
      expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
      expect(delivery?.lastError).toContain('https');
    } finally {
      vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'true');
    }
  });
});

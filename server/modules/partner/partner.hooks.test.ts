import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPartnerSubmissionWorker } from '@server/modules/outbox/outbox.submission.worker.ts';
import {
  closeTestApp,
  createPartner,
  type TestPartner,
} from '@server/modules/partner/partner.fixtures.ts';
import {
  apiAs,
  counterReference,
  cpfFormData,
  inPersonBody,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

type Verdict = 'yes' | 'no' | 'garbage' | 'silent' | 'error';
type Received = { path: string; headers: IncomingHttpHeaders; body: string };

/** The Receita Federal's system on 127.0.0.1: a validation endpoint and a form-data API. */
function partnerSystem() {
  const state = { verdict: 'yes' as Verdict, submissionsDown: false };
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      if (request.url === '/formularios') {
        response.writeHead(state.submissionsDown ? 503 : 204).end();

        return;
      }
      const answers: Record<Verdict, () => void> = {
        yes: () => response.end(JSON.stringify({ valido: true })),
        no: () =>
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ valido: false, mensagem: 'CPF já inscrito na Receita.' })),
        garbage: () => response.end('<html>manutenção</html>'),
        error: () => response.writeHead(500).end(JSON.stringify({ valido: true })),
        silent: () => undefined,
      };
      answers[state.verdict]();
    });
  });

  return { state, received, server };
}

let t: TestApp;
let partner: TestPartner;
let counter: Api;
let backOffice: Api;
let cpfService: string;
let base: string;
const system = partnerSystem();

function put(url: string, payload: object, token?: string) {
  return t.app.inject({
    method: 'PUT',
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload,
  });
}

async function protocolCount() {
  const row = await t.ctx.db
    .selectFrom('protocols')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();

  return Number(row.count);
}

function validations() {
  return system.received.filter((item) => item.path === '/validacao');
}

beforeAll(async () => {
  vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'true');
  await new Promise<void>((resolve) => system.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(system.server.address() as AddressInfo).port}`;
  t = await createTestApp();
  partner = await createPartner(t, { clientCode: 'RFB' });
  counter = apiAs(t, await t.signIn(STAFF.esmeralda));
  backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
  cpfService = await serviceId(counter, 'RFB', '20101');
  const saved = await put(
    `/api/v1/backoffice/partners/${partner.id}/services/${cpfService}`,
    { validationUrl: `${base}/validacao`, submissionUrl: `${base}/formularios` },
    await t.signIn(STAFF.backOffice),
  );
  expect(saved.statusCode, saved.body).toBe(200);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  system.server.closeAllConnections();
  await new Promise((resolve) => system.server.close(resolve));
  await closeTestApp(t);
});

describe('hosted-form services calling the partner', () => {
  it('asks the partner, signed, before creating the protocol; a yes creates it', async () => {
    system.state.verdict = 'yes';
    const before = validations().length;
    const response = await counter.post(
      '/api/v1/attendances/in-person',
      inPersonBody({ serviceId: cpfService }),
    );
    expect(response.statusCode, response.body).toBe(201);

    const asked = validations().slice(before);
    expect(asked).toHaveLength(1);
    const headers = Object.fromEntries(
      Object.entries(asked[0]?.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t.clock.now());
    const payload = new Webhook(partner.webhookSecret).verify(asked[0]?.body ?? '', headers);
    vi.useRealTimers();
    expect(payload).toMatchObject({
      codigoServico: '20101',
      tipoAtendimento: 'inPerson',
      numeroIdentificacaoCliente: '12345678909',
      dados: { nomeMae: 'Joana da Silva' },
    });
  });

  it.each([
    ['no', 422, 'PARTNER_REFUSED', /CPF já inscrito na Receita\./],
    ['garbage', 502, 'PARTNER_UNAVAILABLE', /resposta inválida/],
    ['error', 502, 'PARTNER_UNAVAILABLE', /HTTP 500/],
    ['silent', 502, 'PARTNER_UNAVAILABLE', /sem resposta a tempo/],
  ] as const)(
    'refuses when the partner answers %s, creating nothing',
    async (verdict, status, code, message) => {
      system.state.verdict = verdict;
      const count = await protocolCount();
      const response = await counter.post(
        '/api/v1/attendances/in-person',
        inPersonBody({ serviceId: cpfService }),
      );

      expect(response.statusCode).toBe(status);
      const error = response.json<{
        error: { code: string; message: string; fields?: { field: string }[] };
      }>().error;
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      if (verdict === 'no') {
        expect(error.fields?.[0]?.field).toBe('body.formData');
      }
      expect(await protocolCount()).toBe(count);
    },
    10_000,
  );

  it('refuses invalid form data itself, without bothering the partner', async () => {
    system.state.verdict = 'yes';
    const before = validations().length;
    const response = await counter.post(
      '/api/v1/attendances/in-person',
      inPersonBody({ serviceId: cpfService, formData: cpfFormData({ nomeMae: '' }) }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('FORM_INVALID');
    expect(validations().length).toBe(before);
  });

  it('submits the form data through the outbox, retried after the API was down', async () => {
    system.state.verdict = 'yes';
    const worker = createPartnerSubmissionWorker(t.ctx, { timeoutMs: 2000 });
    // The earlier tests' protocol is submitted first, while the API is up.
    expect(await worker.deliverDue()).toMatchObject({ attempted: 1, delivered: 1 });
    system.state.submissionsDown = true;
    const created = await counter.post(
      '/api/v1/attendances/in-person',
      inPersonBody({ serviceId: cpfService, formData: cpfFormData({ nomeMae: 'Ana Souza' }) }),
    );
    expect(created.statusCode).toBe(201);
    const code = created.json<{ protocol: { code: string } }>().protocol.code;

    expect(await worker.deliverDue()).toMatchObject({ attempted: 1, delivered: 0 });
    system.state.submissionsDown = false;
    t.clock.advance(31_000);
    expect(await worker.deliverDue()).toMatchObject({ attempted: 1, delivered: 1 });

    const sent = system.received.filter(
      (item) => item.path === '/formularios' && item.body.includes(code),
    );
    expect(sent).toHaveLength(2);
    expect(sent[1]?.headers['webhook-id']).toBe(sent[0]?.headers['webhook-id']);
    expect(JSON.parse(sent[1]?.body ?? '{}')).toMatchObject({
      numeroProtocolo: code,
      codigoServico: '20101',
      situacao: 'pending',
      numeroIdentificacaoCliente: '12345678909',
      dados: { nomeMae: 'Ana Souza' },
    });

    const log = await backOffice.get(
      `/api/v1/backoffice/partners/${partner.id}/deliveries?protocol=${code}`,
    );
    const [delivery] = log.json<{
      deliveries: { subscriber: string; status: string; attemptLog: unknown[] }[];
    }>().deliveries;
    expect(delivery).toMatchObject({ subscriber: 'partnerSubmission', status: 'delivered' });
    expect(delivery?.attemptLog).toHaveLength(2);

    // Finalising does not submit again: the data was already sent.
    const sale = await counter.post(`/api/v1/counter/protocols/${code}/generate`);
    expect(sale.statusCode).toBe(200);
    await counter.post(`/api/v1/counter/protocols/${code}/finalise`, counterReference());
    expect(await worker.deliverDue()).toMatchObject({ attempted: 0 });
  });
});

describe('PUT /api/v1/backoffice/partners/:id/services/:serviceId', () => {
  const url = () => `/api/v1/backoffice/partners/${partner.id}/services/${cpfService}`;

  it('refuses private addresses unless allowed, naming the field', async () => {
    vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'false');
    try {
      const response = await put(
        url(),
        { validationUrl: null, submissionUrl: `${base}/x` },
        await t.signIn(STAFF.backOffice),
      );
      expect(response.statusCode).toBe(400);
      expect(
        response.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field,
      ).toBe('body.submissionUrl');
    } finally {
      vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'true');
    }
  });

  it('refuses client-site services, other clients’ services and counter staff', async () => {
    const claro = await createPartner(t, { clientCode: 'CLARO' });
    const topUp = await serviceId(counter, 'CLARO', '30101');
    const token = await t.signIn(STAFF.backOffice);
    const body = { validationUrl: `${base}/validacao`, submissionUrl: null };

    const site = await put(
      `/api/v1/backoffice/partners/${claro.id}/services/${topUp}`,
      body,
      token,
    );
    expect(site.statusCode).toBe(422);
    expect(
      site.json<{ error: { code: string; fields: { field: string }[] } }>().error,
    ).toMatchObject({
      code: 'RULE_VIOLATED',
      fields: [{ field: 'params.serviceId' }],
    });
    const foreign = await put(
      `/api/v1/backoffice/partners/${claro.id}/services/${cpfService}`,
      body,
      token,
    );
    expect(foreign.statusCode).toBe(404);
    const attendant = await put(url(), body, await t.signIn(STAFF.esmeralda));
    expect(attendant.statusCode).toBe(403);
    const missing = await put(url(), { validationUrl: `${base}/v` }, token);
    expect(missing.statusCode).toBe(400);
  });

  it('logs each change in the partner audit trail, attributed', async () => {
    const changes = await backOffice.get(`/api/v1/backoffice/partners/${partner.id}/changes`);
    expect(changes.statusCode).toBe(200);
    const hook = changes
      .json<{ changes: { entity: string; actorLabel: string; after: Record<string, unknown> }[] }>()
      .changes.find((change) => change.entity === 'partnerServiceHook');
    expect(hook?.actorLabel).toContain(STAFF.backOffice);
    expect(hook?.after).toMatchObject({ serviceCode: '20101', validationUrl: `${base}/validacao` });

    const listed = await backOffice.get(`/api/v1/backoffice/partners/${partner.id}/services`);
    expect(
      listed.json<{ services: { serviceCode: string; submissionUrl: string | null }[] }>().services,
    ).toContainEqual(
      expect.objectContaining({ serviceCode: '20101', submissionUrl: `${base}/formularios` }),
    );
  });
});

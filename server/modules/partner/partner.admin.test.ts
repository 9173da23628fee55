import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isBlockedAddress } from '@server/modules/partner/partner.callback-url.ts';
import {
  closeTestApp,
  clientIdOf,
  codigoFor,
  createPartner,
  makePartnerPriced,
  registra,
  registraBody,
} from '@server/modules/partner/partner.fixtures.ts';
import { apiAs, serviceId, STAFF, type Api } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

let t: TestApp;
let backOffice: Api;
let claroId: string;

beforeAll(async () => {
  t = await createTestApp();
  backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
  claroId = await clientIdOf(apiAs(t, await t.signIn(STAFF.esmeralda)), 'CLARO');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await closeTestApp(t);
});

describe('callback URL SSRF guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('blocks %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '200.152.38.1', '2001:4860:4860::8888'])('allows %s', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });

  it.each([
    'https://127.0.0.1/confirmacoes',
    'https://localhost/confirmacoes',
    'https://[::1]/confirmacoes',
    'https://169.254.169.254/latest/meta-data',
    'https://10.0.0.5/x',
    'https://[fd00::1]/x',
    'https://[::ffff:192.168.0.1]/x',
    'http://8.8.8.8/plain-http',
    'https://user:secret@8.8.8.8/x',
    'not a url',
  ])('refuses %s as a confirmation URL', async (url) => {
    const response = await backOffice.post('/api/v1/backoffice/partners', {
      clientId: claroId,
      name: 'Parceiro',
      confirmationUrl: url,
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('body.confirmationUrl');
  });

  it('accepts a public https address, and loopback only when explicitly allowed', async () => {
    const ok = await backOffice.post('/api/v1/backoffice/partners', {
      clientId: claroId,
      name: 'Parceiro público',
      confirmationUrl: 'https://8.8.8.8/confirmacoes',
    });
    expect(ok.statusCode).toBe(201);

    const id = ok.json().partner.id as string;
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/backoffice/partners/${id}`,
      headers: { authorization: `Bearer ${await t.signIn(STAFF.backOffice)}` },
      payload: { confirmationUrl: 'http://127.0.0.1:3100/confirmacoes' },
    });
    expect(refused.statusCode).toBe(400);

    vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'true');
    try {
      const allowed = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/backoffice/partners/${id}`,
        headers: { authorization: `Bearer ${await t.signIn(STAFF.backOffice)}` },
        payload: { confirmationUrl: 'http://127.0.0.1:3100/confirmacoes' },
      });
      expect(allowed.statusCode).toBe(200);
      expect(allowed.json().partner.confirmationUrl).toBe('http://127.0.0.1:3100/confirmacoes');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('partner credentials in the back office', () => {
  it('is for back-office staff only', async () => {
    const counter = apiAs(t, await t.signIn(STAFF.esmeralda));

    expect((await counter.get('/api/v1/backoffice/partners')).statusCode).toBe(403);
    expect((await apiAs(t).get('/api/v1/backoffice/partners')).statusCode).toBe(401);
  });

  it('rotates a token: the old one stops working, the new one works', async () => {
    const partner = await createPartner(t);
    const detail = await backOffice.get(`/api/v1/backoffice/partners/${partner.id}`);
    const [credential] = detail.json().partner.credentials as { id: string; tokenHint: string }[];
    expect(credential?.tokenHint).toBe(partner.token.slice(-4));
    expect(JSON.stringify(detail.json())).not.toContain(partner.token);

    const rotated = await backOffice.post(
      `/api/v1/backoffice/partners/${partner.id}/credentials/${credential?.id}/rotate`,
    );
    expect(rotated.statusCode).toBe(201);
    const fresh = rotated.json().token as string;

    const codigo = await codigoFor(t);
    expect((await registra(t, partner.token, registraBody(codigo))).statusCode).toBe(401);
    expect((await registra(t, fresh, registraBody(codigo))).statusCode).toBe(200);

    const again = await backOffice.post(
      `/api/v1/backoffice/partners/${partner.id}/credentials/${credential?.id}/rotate`,
    );
    expect(again.statusCode).toBe(404);
  });

  it('rotates the webhook signing secret', async () => {
    const partner = await createPartner(t);
    const rotated = await backOffice.post(
      `/api/v1/backoffice/partners/${partner.id}/webhook-secret/rotate`,
    );

    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().partner.webhookSecret).toMatch(/^whsec_/);
    expect(rotated.json().partner.webhookSecret).not.toBe(partner.webhookSecret);
  });
});

describe('POST /api/v1/services/:id/client-site-link', () => {
  it("gives the service's client site URL with a codigoCorreios", async () => {
    const counter = apiAs(t, await t.signIn(STAFF.esmeralda));
    const id = await serviceId(counter, 'CLARO', '30101');
    const response = await counter.post(`/api/v1/services/${id}/client-site-link`);

    expect(response.statusCode).toBe(200);
    const url = new URL(response.json().url as string);
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:3100/venda');
    expect(url.searchParams.get('codigoCorreios')).toMatch(/^[\w-]{40,}$/);
  });

  it('refuses hosted-form services, other agencies and non-counter staff', async () => {
    const counter = apiAs(t, await t.signIn(STAFF.esmeralda));
    const hosted = await serviceId(counter, 'RFB', '20101');
    const ctbc = await serviceId(counter, 'CTBC', '30201');

    expect((await counter.post(`/api/v1/services/${hosted}/client-site-link`)).statusCode).toBe(
      422,
    );
    const franchised = apiAs(t, await t.signIn(STAFF.aguaSanta));
    expect((await franchised.post(`/api/v1/services/${ctbc}/client-site-link`)).statusCode).toBe(
      422,
    );
    expect((await backOffice.post(`/api/v1/services/${ctbc}/client-site-link`)).statusCode).toBe(
      403,
    );
  });
});

describe('partner-priced services', () => {
  it('accepts a value within the bounds and refuses one outside', async () => {
    await makePartnerPriced(t, '30101', 1000, 10000);
    const partner = await createPartner(t);
    const codigo = await codigoFor(t);

    const within = await registra(t, partner.token, registraBody(codigo, { valorServico: '2500' }));
    expect(within.statusCode).toBe(200);
    const code = within.json().protocolo as string;
    const seen = await t.app.inject({
      method: 'GET',
      url: `/ster/api/v1/atendimentos/${code}`,
      headers: { authorization: partner.token },
    });
    expect(seen.json().valorTotal).toBe(2500);

    for (const value of ['999', '10001']) {
      const outside = await registra(
        t,
        partner.token,
        registraBody(codigo, { valorServico: value }),
      );
      expect(outside.statusCode).toBe(422);
      expect(outside.json().mensagem).toContain('fora dos limites');
    }
  });
});

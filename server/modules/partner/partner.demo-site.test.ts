import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemoPartner } from '@demo-partner/server.ts';
import { createPartnerSubmissionWorker } from '@server/modules/outbox/outbox.submission.worker.ts';
import { closeTestApp } from '@server/modules/partner/partner.fixtures.ts';
import { DEMO_PARTNER_TOKEN, demoPartnerWebhookSecret } from '@server/seed/demo-partners.ts';
import { apiAs, CPFS, serviceId, STAFF, type Api } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

/**
 * The demo data's hosted-form service of Claro (30102) calls the demo partner site: it
 * validates the line before STER creates the protocol and receives the form data afterwards.
 */

let t: TestApp;
let site: Awaited<ReturnType<typeof startDemoPartner>>;
let counter: Api;
let lineHolder: string;

beforeAll(async () => {
  vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'true');
  t = await createTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const secret = await demoPartnerWebhookSecret(t.ctx.db, t.ctx.config.secretKey);
  site = await startDemoPartner({
    sterUrl: `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`,
    port: 0,
    token: DEMO_PARTNER_TOKEN,
    webhookSecret: secret ?? '',
  });
  counter = apiAs(t, await t.signIn(STAFF.esmeralda));
  lineHolder = await serviceId(counter, 'CLARO', '30102');

  // The seed points the hooks at the demo site's default port; point them at this one.
  const backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
  const partners = (await backOffice.get('/api/v1/backoffice/partners')).json<{
    partners: { id: string; name: string }[];
  }>().partners;
  const demo = partners.find((partner) => partner.name.includes('demonstração'));
  const hooks = (await backOffice.get(`/api/v1/backoffice/partners/${demo?.id}/services`)).json<{
    services: { serviceCode: string; validationUrl: string | null }[];
  }>().services;
  expect(hooks.find((hook) => hook.serviceCode === '30102')?.validationUrl).toMatch(/\/validacao$/);
  const saved = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/backoffice/partners/${demo?.id}/services/${lineHolder}`,
    headers: { authorization: `Bearer ${await t.signIn(STAFF.backOffice)}` },
    payload: { validationUrl: `${site.url}/validacao`, submissionUrl: `${site.url}/formularios` },
  });
  expect(saved.statusCode, saved.body).toBe(200);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await site?.close();
  await closeTestApp(t);
});

function lineHolderBody(line: string) {
  return {
    serviceId: lineHolder,
    citizen: { document: CPFS[2], name: 'Paulo Lima' },
    formData: {
      nome: 'Paulo Lima',
      cpf: CPFS[2],
      nascimento: '1985-02-01',
      linha: line,
    },
    documentsChecked: ['identidade'],
  };
}

describe('the demo hosted-form service of Claro and the demo partner site', () => {
  it('refuses a line the partner does not know, with its reason', async () => {
    const response = await counter.post(
      '/api/v1/attendances/in-person',
      lineHolderBody('(61) 99999-0000'),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json<{ error: { message: string } }>().error.message).toBe(
      'Atendimento recusado pelo cliente: Linha não encontrada na base da Claro.',
    );
  });

  it('creates the protocol for a known line and delivers the form to the partner', async () => {
    const response = await counter.post(
      '/api/v1/attendances/in-person',
      lineHolderBody('(61) 98765-4321'),
    );
    expect(response.statusCode, response.body).toBe(201);
    const code = response.json<{ protocol: { code: string } }>().protocol.code;

    const worker = createPartnerSubmissionWorker(t.ctx, { timeoutMs: 2000 });
    expect(await worker.deliverDue()).toMatchObject({ delivered: 1 });
    expect(site.forms).toMatchObject([{ numeroProtocolo: code }]);
    expect(site.forms[0]?.linha.replace(/\D/g, '')).toBe('61987654321');
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { apiAs, serviceId, STAFF, type Api } from '@test/factories.ts';
import type { TestApp } from '@test/harness.ts';

/** Test helpers for the partner contract, built on the public API only. */

export type TestPartner = { id: string; token: string; webhookSecret: string; clientId: string };

export async function clientIdOf(api: Api, code: string): Promise<string> {
  const clients = (await api.get('/api/v1/clients')).json<{
    clients: { id: string; code: string }[];
  }>();
  const client = clients.clients.find((candidate) => candidate.code === code);
  if (!client) throw new Error(`client ${code} not listed`);

  return client.id;
}

/** A partner of `clientCode` with one credential, created by the back office. */
export async function createPartner(
  t: TestApp,
  options: { clientCode?: string; mode?: 'live' | 'sandbox'; confirmationUrl?: string } = {},
): Promise<TestPartner> {
  const counter = apiAs(t, await t.signIn(STAFF.esmeralda));
  const backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
  const clientId = await clientIdOf(counter, options.clientCode ?? 'CLARO');
  const created = await backOffice.post('/api/v1/backoffice/partners', {
    clientId,
    name: `Parceiro ${options.clientCode ?? 'CLARO'}`,
    ...(options.confirmationUrl ? { confirmationUrl: options.confirmationUrl } : {}),
  });
  if (created.statusCode !== 201) throw new Error(`partner: ${created.body}`);
  const partner = created.json<{ partner: { id: string; webhookSecret: string } }>().partner;
  const issued = await backOffice.post(`/api/v1/backoffice/partners/${partner.id}/credentials`, {
    mode: options.mode ?? 'live',
  });
  if (issued.statusCode !== 201) throw new Error(`credential: ${issued.body}`);

  return {
    id: partner.id,
    token: issued.json<{ token: string }>().token,
    webhookSecret: partner.webhookSecret,
    clientId,
  };
}

/** The `codigoCorreios` the counter hands the client's site for `serviceCode`. */
export async function codigoFor(
  t: TestApp,
  options: { registration?: string; clientCode?: string; serviceCode?: string } = {},
): Promise<string> {
  const counter = apiAs(t, await t.signIn(options.registration ?? STAFF.esmeralda));
  const id = await serviceId(
    counter,
    options.clientCode ?? 'CLARO',
    options.serviceCode ?? '30101',
  );
  const link = await counter.post(`/api/v1/services/${id}/client-site-link`);
  if (link.statusCode !== 200) throw new Error(`link: ${link.body}`);

  return new URL(link.json<{ url: string }>().url).searchParams.get('codigoCorreios') ?? '';
}

let saleCounter = 0;

/** A valid `registra` body for Claro's top-up (tariff R$ 15,00). */
export function registraBody(codigoCorreios: string, overrides: Record<string, unknown> = {}) {
  saleCounter += 1;

  return {
    codigoCorreios,
    valorServico: '1500',
    quantidade: 1,
    numeroIdentificacaoCliente: '12345678909',
    chaveCliente: `VENDA-${Date.now()}-${saleCounter}`,
    textoTicket: 'Recarga Claro+Celular 61999990000',
    ...overrides,
  };
}

export function registra(
  t: TestApp,
  authorization: string | undefined,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/ster/api/v1/atendimentos/registra',
    headers: { ...(authorization ? { authorization } : {}), ...headers },
    payload: body as object,
  });
}

/** Closes a test app and drops its database copy. */
export async function closeTestApp(t: TestApp) {
  await t.close();
}

/**
 * Turns a demo service into a partner-priced one. The back-office catalogue API of issue #2 is
 * the proper way; this keeps the partner tests independent of it.
 */
export async function makePartnerPriced(t: TestApp, serviceCode: string, min: number, max: number) {
  await t.ctx.db
    .updateTable('services')
    .set({ priceRule: 'partner', partnerPriceMinCents: min, partnerPriceMaxCents: max })
    .where('code', '=', serviceCode)
    .execute();
}

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeTestApp,
  codigoFor,
  createPartner,
  type TestPartner,
} from '@server/modules/partner/partner.fixtures.ts';
import { apiAs, STAFF } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

let t: TestApp;
let partner: TestPartner;
let keys = 0;

beforeAll(async () => {
  t = await createTestApp();
  partner = await createPartner(t);
});

afterAll(async () => {
  await closeTestApp(t);
});

function post(path: string, body: object, token = partner.token): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/ster/api/v1/pre-atendimentos/${path}`,
    headers: { authorization: token },
    payload: body,
  });
}

function startBody(overrides: Record<string, unknown> = {}) {
  keys += 1;

  return {
    codigoServico: '30101',
    numeroIdentificacaoCliente: '12345678909',
    chaveCliente: `PRE-${keys}`,
    textoTicket: 'Recarga Claro+Celular 61988887777',
    ...overrides,
  };
}

async function started(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await post('registra', startBody(overrides));
  expect(response.statusCode, response.body).toBe(200);

  return response.json<{ protocolo: string }>().protocolo;
}

async function confirmBody(protocolo: string, overrides: Record<string, unknown> = {}) {
  return {
    codigoCorreios: await codigoFor(t),
    protocolo,
    valorServico: '1500',
    quantidade: 1,
    ...overrides,
  };
}

function mensagemOf(response: LightMyRequestResponse) {
  return response.json<{ mensagem: string }>().mensagem;
}

async function situacao(protocolo: string, token = partner.token) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/ster/api/v1/atendimentos/${protocolo}`,
    headers: { authorization: token },
  });

  return response.json<{ situacao: string; codigoAgencia: string | null; valorTotal: number }>();
}

describe('POST /ster/api/v1/pre-atendimentos/registra', () => {
  it('registers a pre-attendance with no agency and no price, valid for the service days', async () => {
    const body = startBody();
    const response = await post('registra', body);
    expect(response.statusCode).toBe(200);
    const answer = response.json<{ protocolo: string; validoAte: string }>();
    expect(answer.protocolo).toMatch(/^\d{14}$/);
    const days = (Date.parse(answer.validoAte) - t.clock.now().getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    expect(await situacao(answer.protocolo)).toMatchObject({
      situacao: 'preAttendance',
      codigoAgencia: null,
      valorTotal: 0,
    });

    const again = await post('registra', body);
    expect(again.json()).toEqual(answer);
    const changed = await post('registra', { ...body, numeroIdentificacaoCliente: '52998224725' });
    expect(changed.statusCode).toBe(422);
    expect(mensagemOf(changed)).toMatch(/chaveCliente .* já foi usada/);
  });

  it.each([
    [{ numeroIdentificacaoCliente: '12345678900' }, 400, /CPF inválido/],
    [{ codigoServico: '99999' }, 422, /Serviço 99999 não encontrado/],
    [{ codigoServico: '30102' }, 422, /não aceita pré-atendimento/],
    [{ codigoServico: '20101' }, 422, /não encontrado neste cliente/],
    [{ codigoServico: undefined }, 400, /Campo obrigatório ausente: codigoServico/],
    [{ extra: 1 }, 400, /Campo não previsto no contrato: extra/],
  ])('refuses %o with %i', async (overrides, status, message) => {
    const response = await post('registra', startBody(overrides));
    expect(response.statusCode).toBe(status);
    expect(mensagemOf(response)).toMatch(message);
  });

  it('refuses an unknown token with 401', async () => {
    const response = await post('registra', startBody(), 'sterp_desconhecido');
    expect(response.statusCode).toBe(401);
    expect(mensagemOf(response)).toBe('Token de parceiro desconhecido.');
  });
});

describe('POST /ster/api/v1/pre-atendimentos/confirma', () => {
  it('makes the pre-attendance pending at the attendant agency, priced, idempotently', async () => {
    const protocolo = await started();
    const body = await confirmBody(protocolo);
    const response = await post('confirma', body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ protocolo });
    expect(await situacao(protocolo)).toMatchObject({
      situacao: 'pending',
      codigoAgencia: '00001001',
      valorTotal: 1500,
    });

    const counter = apiAs(t, await t.signIn(STAFF.esmeralda));
    const pending = await counter.get('/api/v1/counter/pending');
    expect(pending.body).toContain(protocolo);

    const again = await post('confirma', body);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await post('confirma', { ...body, quantidade: 2 });
    expect(other.statusCode).toBe(422);
  });

  it('refuses a value that is not the tariff, naming it, and keeps the pre-attendance', async () => {
    const protocolo = await started();
    const response = await post('confirma', await confirmBody(protocolo, { valorServico: 1000 }));
    expect(response.statusCode).toBe(422);
    expect(mensagemOf(response)).toMatch(/não confere com a tarifa vigente/);
    expect((await situacao(protocolo)).situacao).toBe('preAttendance');
  });

  it('refuses a codigoCorreios opened for another service', async () => {
    const protocolo = await started();
    const body = await confirmBody(protocolo, {
      codigoCorreios: await codigoFor(t, { clientCode: 'CTBC', serviceCode: '30201' }),
    });
    const response = await post('confirma', body);
    expect(response.statusCode).toBe(422);
    expect(mensagemOf(response)).toMatch(/outro serviço/);
  });

  it('answers 404 for another partner’s protocol and 400 for a bad code', async () => {
    const protocolo = await started();
    const stranger = await createPartner(t);
    const foreign = await post('confirma', await confirmBody(protocolo), stranger.token);
    expect(foreign.statusCode).toBe(404);
    const bad = await post('confirma', await confirmBody('12345'));
    expect(bad.statusCode).toBe(400);
    expect(mensagemOf(bad)).toMatch(/14 dígitos/);
  });

  it('refuses an overdue pre-attendance with 409, expiring it and telling the partner', async () => {
    const protocolo = await started();
    t.clock.advance(8 * 86_400_000);
    const response = await post('confirma', await confirmBody(protocolo));
    expect(response.statusCode).toBe(409);
    expect(mensagemOf(response)).toMatch(/expirou/);
    expect((await situacao(protocolo)).situacao).toBe('expired');
    const confirmedTwice = await post('confirma', await confirmBody(protocolo));
    expect(confirmedTwice.statusCode).toBe(409);

    const backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
    const log = await backOffice.get(
      `/api/v1/backoffice/partners/${partner.id}/deliveries?protocol=${protocolo}`,
    );
    expect(log.json<{ deliveries: { toStatus: string }[] }>().deliveries).toMatchObject([
      { toStatus: 'expired' },
    ]);
  });
});

describe('racing pre-attendance requests', () => {
  it('two registrations with one chaveCliente yield one protocol', async () => {
    const body = startBody();
    const answers = await Promise.all([post('registra', body), post('registra', body)]);
    const codes = answers
      .filter((answer) => answer.statusCode === 200)
      .map((answer) => answer.json<{ protocolo: string }>().protocolo);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes).size).toBe(1);
    expect(answers.every((answer) => [200, 409].includes(answer.statusCode))).toBe(true);
  });

  it('two confirmations of one pre-attendance complete it once', async () => {
    const protocolo = await started();
    const body = await confirmBody(protocolo);
    const answers = await Promise.all([post('confirma', body), post('confirma', body)]);
    expect(answers.some((answer) => answer.statusCode === 200)).toBe(true);
    expect(answers.every((answer) => [200, 409].includes(answer.statusCode))).toBe(true);

    const backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
    const history = await backOffice.get(`/api/v1/protocols/${protocolo}/history`);
    const events = history.json<{ events: { type: string }[] }>().events;
    expect(events.filter((event) => event.type === 'complete')).toHaveLength(1);
  });
});

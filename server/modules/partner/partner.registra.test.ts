import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeTestApp,
  codigoFor,
  createPartner,
  registra,
  registraBody,
  type TestPartner,
} from '@server/modules/partner/partner.fixtures.ts';
import { DEMO_PARTNER_TOKEN } from '@server/seed/demo-partners.ts';
import { apiAs, STAFF } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

let t: TestApp;
let partner: TestPartner;
let codigo: string;

beforeAll(async () => {
  t = await createTestApp();
  partner = await createPartner(t);
  codigo = await codigoFor(t);
});

afterAll(async () => {
  await closeTestApp(t);
});

function mensagemOf(response: { json: <T>() => T }) {
  return response.json<{ mensagem: string }>().mensagem;
}

describe('POST /ster/api/v1/atendimentos/registra', () => {
  it('creates a pending protocol at the attendant agency, priced by the tariff', async () => {
    const body = registraBody(codigo, { valorServico: 1500, quantidade: '2' });
    const response = await registra(t, partner.token, body);

    expect(response.statusCode).toBe(200);
    const { protocolo } = response.json<{ protocolo: string }>();
    expect(protocolo).toMatch(/^\d{14}$/);

    const counter = apiAs(t, await t.signIn(STAFF.esmeralda));
    const view = await counter.get(`/api/v1/protocols/${protocolo}`);
    expect(view.statusCode).toBe(200);
    const protocol = view.json<{
      protocol: { status: string; totalCents: number; agency: { name: string } | null };
    }>().protocol;
    expect(protocol.status).toBe('pending');
    expect(protocol.totalCents).toBe(3000);

    const own = await t.app.inject({
      method: 'GET',
      url: `/ster/api/v1/atendimentos/${protocolo}`,
      headers: { authorization: `Bearer ${partner.token}` },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      protocolo,
      situacao: 'pending',
      codigoConfirmacao: null,
      chaveCliente: body.chaveCliente,
      valorTotal: 3000,
      teste: false,
    });
  });

  it('accepts the bare token and the Bearer form alike, and the seeded demo token', async () => {
    const bare = await registra(t, partner.token, registraBody(codigo));
    const bearer = await registra(t, `Bearer ${partner.token}`, registraBody(codigo));
    const demo = await registra(t, DEMO_PARTNER_TOKEN, registraBody(codigo));

    expect([bare.statusCode, bearer.statusCode, demo.statusCode]).toEqual([200, 200, 200]);
  });

  it.each([
    ['codigoCorreios', 'Campo obrigatório ausente: codigoCorreios.'],
    ['valorServico', 'Campo obrigatório ausente: valorServico.'],
    ['quantidade', 'Campo obrigatório ausente: quantidade.'],
    ['numeroIdentificacaoCliente', 'Campo obrigatório ausente: numeroIdentificacaoCliente.'],
    ['chaveCliente', 'Campo obrigatório ausente: chaveCliente.'],
  ])('refuses a body without %s with a specific mensagem', async (field, message) => {
    const body: Record<string, unknown> = registraBody(codigo);
    delete body[field];
    const response = await registra(t, partner.token, body);

    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ mensagem: message });
  });

  it.each([
    ['valorServico', '15,00', 'valorServico inválido'],
    ['valorServico', 15.5, 'valorServico inválido'],
    ['valorServico', true, 'valorServico inválido'],
    ['quantidade', 0, 'quantidade inválido'],
    ['quantidade', 'dois', 'quantidade inválido'],
    ['numeroIdentificacaoCliente', '123.456.789-09', 'numeroIdentificacaoCliente inválido'],
    ['numeroIdentificacaoCliente', 12345678909, 'numeroIdentificacaoCliente inválido'],
    ['chaveCliente', '', 'chaveCliente inválido'],
    ['chaveCliente', 'x'.repeat(101), 'chaveCliente inválido'],
    ['textoTicket', 'x'.repeat(1001), 'textoTicket inválido'],
    ['codigoCorreios', 42, 'codigoCorreios inválido'],
    ['extra', 1, 'Campo não previsto no contrato: extra.'],
  ])('refuses %s = %j with a 400 and a mensagem', async (field, value, start) => {
    const response = await registra(t, partner.token, registraBody(codigo, { [field]: value }));

    expect(response.statusCode).toBe(400);
    expect(mensagemOf(response).startsWith(start)).toBe(true);
    expect(response.json()).not.toHaveProperty('error');
  });

  it('refuses a body that is not JSON, still with a mensagem', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/ster/api/v1/atendimentos/registra',
      headers: { authorization: partner.token, 'content-type': 'application/json' },
      payload: '{not json',
    });

    expect(response.statusCode).toBe(400);
    expect(typeof mensagemOf(response)).toBe('string');
  });

  it('refuses an invalid CPF and an invalid CNPJ', async () => {
    const cpf = await registra(
      t,
      partner.token,
      registraBody(codigo, { numeroIdentificacaoCliente: '12345678900' }),
    );
    const cnpj = await registra(
      t,
      partner.token,
      registraBody(codigo, { numeroIdentificacaoCliente: '40432544000148' }),
    );

    expect(cpf.statusCode).toBe(400);
    expect(mensagemOf(cpf)).toBe('numeroIdentificacaoCliente: CPF inválido, confira os dígitos.');
    expect(cnpj.statusCode).toBe(400);
    expect(mensagemOf(cnpj)).toContain('CNPJ inválido');
  });

  it('accepts a CNPJ as the customer identification', async () => {
    const response = await registra(
      t,
      partner.token,
      registraBody(codigo, { numeroIdentificacaoCliente: '40432544000147' }),
    );

    expect(response.statusCode).toBe(200);
  });

  it('refuses a value other than the tariff in force', async () => {
    const response = await registra(
      t,
      partner.token,
      registraBody(codigo, { valorServico: '1000' }),
    );

    expect(response.statusCode).toBe(422);
    expect(mensagemOf(response)).toContain('não confere com a tarifa vigente');
    expect(mensagemOf(response)).toContain('1500');
  });

  it('refuses a tampered codigoCorreios and an expired one', async () => {
    const last = codigo.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${codigo.slice(0, -2)}${last}${codigo.at(-1)}`;
    const bad = await registra(t, partner.token, registraBody(tampered));
    expect(bad.statusCode).toBe(400);
    expect(mensagemOf(bad)).toContain('codigoCorreios inválido');

    const garbage = await registra(t, partner.token, registraBody('not-a-code'));
    expect(garbage.statusCode).toBe(400);

    const fresh = await codigoFor(t);
    t.clock.advance(2 * 60 * 60 * 1000 + 1000);
    try {
      const expired = await registra(t, partner.token, registraBody(fresh));
      expect(expired.statusCode).toBe(422);
      expect(mensagemOf(expired)).toContain('codigoCorreios expirado');
    } finally {
      t.clock.advance(-(2 * 60 * 60 * 1000 + 1000));
    }
  });

  it('refuses unknown, missing and revoked tokens', async () => {
    const unknown = await registra(t, 'sterp_nao-existe', registraBody(codigo));
    expect(unknown.statusCode).toBe(401);
    expect(mensagemOf(unknown)).toBe('Token de parceiro desconhecido.');

    const missing = await registra(t, undefined, registraBody(codigo));
    expect(missing.statusCode).toBe(401);
    expect(mensagemOf(missing)).toContain('Authorization');

    const other = await createPartner(t);
    const backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
    const detail = await backOffice.get(`/api/v1/backoffice/partners/${other.id}`);
    const credentialId = detail.json<{ partner: { credentials: { id: string }[] } }>().partner
      .credentials[0]?.id;
    const revoke = await backOffice.post(
      `/api/v1/backoffice/partners/${other.id}/credentials/${credentialId}/revoke`,
    );
    expect(revoke.statusCode).toBe(200);

    const revoked = await registra(t, other.token, registraBody(codigo));
    expect(revoked.statusCode).toBe(401);
    expect(mensagemOf(revoked)).toContain('revogado');
  });

  it("refuses a codigoCorreios of another partner's client's service", async () => {
    const ctbc = await createPartner(t, { clientCode: 'CTBC' });
    const response = await registra(t, ctbc.token, registraBody(codigo));

    expect(response.statusCode).toBe(403);
    expect(mensagemOf(response)).toContain('não pertence a um cliente deste parceiro');

    const decrypt = await t.app.inject({
      method: 'POST',
      url: '/ster/api/v1/codigos-correios/consulta',
      headers: { authorization: ctbc.token },
      payload: { codigoCorreios: codigo },
    });
    expect(decrypt.statusCode).toBe(403);
  });

  it("never shows a partner another partner's protocol", async () => {
    const mine = await registra(t, partner.token, registraBody(codigo));
    const { protocolo } = mine.json<{ protocolo: string }>();
    const stranger = await createPartner(t, { clientCode: 'CTBC' });
    const seen = await t.app.inject({
      method: 'GET',
      url: `/ster/api/v1/atendimentos/${protocolo}`,
      headers: { authorization: stranger.token },
    });

    expect(seen.statusCode).toBe(404);
    expect(mensagemOf(seen)).toContain('não encontrado');
  });

  it('decrypts a codigoCorreios for the partner: agency and attendant', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/ster/api/v1/codigos-correios/consulta',
      headers: { authorization: `Bearer ${partner.token}` },
      payload: { codigoCorreios: codigo },
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      nomeAgencia: 'AC ESMERALDA',
      matriculaAtendente: STAFF.esmeralda,
      codigoServico: '30101',
    });
  });

  it('creates test protocols for sandbox credentials', async () => {
    const sandbox = await createPartner(t, { mode: 'sandbox' });
    const response = await registra(t, sandbox.token, registraBody(codigo));
    const { protocolo } = response.json<{ protocolo: string }>();
    const seen = await t.app.inject({
      method: 'GET',
      url: `/ster/api/v1/atendimentos/${protocolo}`,
      headers: { authorization: sandbox.token },
    });

    expect(seen.json()).toMatchObject({ teste: true });
  });
});

describe('chaveCliente as the idempotency key', () => {
  it('answers the same protocolo to the same registration sent twice', async () => {
    const body = registraBody(codigo);
    const first = await registra(t, partner.token, body);
    const second = await registra(t, partner.token, body);

    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses the same chaveCliente with other content, naming the key', async () => {
    const body = registraBody(codigo);
    await registra(t, partner.token, body);
    const changed = await registra(t, partner.token, { ...body, quantidade: 3 });

    expect(changed.statusCode).toBe(422);
    expect(mensagemOf(changed)).toContain(`chaveCliente ${body.chaveCliente}`);
  });

  it('honours an Idempotency-Key header too, and still the natural key', async () => {
    const body = registraBody(codigo);
    const headers = { 'idempotency-key': `idem-${body.chaveCliente}` };
    const first = await registra(t, partner.token, body, headers);
    const again = await registra(t, partner.token, body, headers);
    const otherHeader = await registra(t, partner.token, body, {
      'idempotency-key': 'outra-chave-1',
    });
    const reused = await registra(t, partner.token, { ...body, quantidade: 2 }, headers);

    expect(again.json()).toEqual(first.json());
    expect(otherHeader.json()).toEqual(first.json());
    expect(reused.statusCode).toBe(422);
  });

  it('lets a retry after expiry of the codigoCorreios replay the protocolo', async () => {
    const body = registraBody(codigo);
    const first = await registra(t, partner.token, body);
    t.clock.advance(3 * 60 * 60 * 1000);
    try {
      const retry = await registra(t, partner.token, body);
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual(first.json());
    } finally {
      t.clock.advance(-3 * 60 * 60 * 1000);
    }
  });

  it('yields one protocol when registrations with one chaveCliente race', async () => {
    const body = registraBody(codigo);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => registra(t, partner.token, body)),
    );
    const codes = new Set(
      responses
        .filter((r) => r.statusCode === 200)
        .map((r) => r.json<{ protocolo: string }>().protocolo),
    );

    expect(codes.size).toBe(1);
    for (const response of responses) {
      expect([200, 409]).toContain(response.statusCode);
      if (response.statusCode === 409) expect(typeof mensagemOf(response)).toBe('string');
    }
    const final = await registra(t, partner.token, body);
    expect(final.json()).toEqual({ protocolo: [...codes][0] });
  });
});

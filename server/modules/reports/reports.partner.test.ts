import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codigoFor,
  createPartner,
  registraBody,
  type TestPartner,
} from '@server/modules/partner/partner.fixtures.ts';
import { apiAs, CPFS, createPending, finalisePending, serviceId, STAFF } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';
import { TestClock } from '@test/clock.ts';

type Relatorio = {
  teste: boolean;
  totais: { atendimentos: number; valorCentavos: number; finalizados: number };
  linhas: { chave: string; rotulo: string; atendimentos: number }[];
};

const START = new Date('2027-06-02T13:00:00Z');
const URL = '/ster/api/v1/relatorios/atendimentos?inicio=2027-06-01&fim=2027-06-30';

describe('GET /ster/api/v1/relatorios/atendimentos (partner contract)', () => {
  let t: TestApp;
  let live: TestPartner;
  let sandbox: TestPartner;
  let ctbc: TestPartner;

  const ask = (partner: TestPartner | null, url = URL) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: partner ? { authorization: `Bearer ${partner.token}` } : {},
    });
  const register = async (partner: TestPartner) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/ster/api/v1/atendimentos/registra',
      headers: { authorization: partner.token },
      payload: registraBody(await codigoFor(t)),
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock(START) });
    live = await createPartner(t);
    sandbox = await createPartner(t, { mode: 'sandbox' });
    ctbc = await createPartner(t, { clientCode: 'CTBC' });
    await register(live);
    await register(live);
    await register(sandbox);
    // Another client's protocols must not show in Claro's figures.
    const counter = apiAs(t, await t.signIn(STAFF.esmeralda));
    const cpf = await serviceId(counter, 'RFB', '20101');
    const code = await createPending(counter, { serviceId: cpf, document: CPFS[0] });
    await finalisePending(counter, code);
  });
  afterAll(() => t.close());

  it('shows a live partner its own client’s real protocols only', async () => {
    const response = await ask(live, `${URL}&agrupamento=servico`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Relatorio>();
    expect(body.teste).toBe(false);
    expect(body.totais).toMatchObject({ atendimentos: 2, valorCentavos: 3000, finalizados: 0 });
    expect(body.linhas).toHaveLength(1);
    expect(body.linhas[0]?.rotulo).toMatch(/^30101 – /);
  });

  it('shows a sandbox credential only the sandbox’s test protocols', async () => {
    const body = (await ask(sandbox)).json<Relatorio>();
    expect(body.teste).toBe(true);
    expect(body.totais).toMatchObject({ atendimentos: 1, valorCentavos: 1500 });
  });

  it('shows another client’s partner none of Claro’s figures', async () => {
    const body = (await ask(ctbc)).json<Relatorio>();
    expect(body.totais.atendimentos).toBe(0);
  });

  it('answers refusals as { mensagem } with 400 and 401', async () => {
    const anonymous = await ask(null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().mensagem).toMatch(/token/i);
    const bad = await ask(live, `${URL}&agrupamento=semana`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().mensagem).toContain('agrupamento');
    const reversed = await ask(
      live,
      '/ster/api/v1/relatorios/atendimentos?inicio=2027-06-30&fim=2027-06-01',
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().mensagem).toContain('último dia');
  });
});

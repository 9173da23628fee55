import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  screenshot,
  openAs,
  startBrowserRig,
  type BrowserRig,
} from '@test/browser.ts';
import {
  apiAs,
  counterReference,
  CPFS,
  createPending,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';

let rig: BrowserRig;
let esmeralda: Api;
let colleague: Api;
let cpfService: string;

beforeAll(async () => {
  rig = await startBrowserRig();
  esmeralda = apiAs(rig.t, await rig.t.signIn(STAFF.esmeralda));
  colleague = apiAs(rig.t, await rig.t.signIn(STAFF.esmeraldaColleague));
  cpfService = await serviceId(esmeralda, 'RFB', '20101');
});

afterAll(async () => {
  await rig?.close();
});

async function clientSiteUrl(clientCode: string): Promise<string> {
  const { clients } = (await esmeralda.get('/api/v1/clients')).json<{
    clients: { id: string; code: string }[];
  }>();
  const client = clients.find((candidate) => candidate.code === clientCode);
  const { services } = (await esmeralda.get(`/api/v1/clients/${client?.id}/services`)).json<{
    services: { clientSiteUrl: string | null }[];
  }>();

  return services.find((service) => service.clientSiteUrl)?.clientSiteUrl ?? '';
}

describe('Atendimento client filter', () => {
  it('opens the first match when Enter comes before the client list has arrived', async () => {
    const page = await openAs(rig, STAFF.esmeralda);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/clients', async (route) => {
      await held;
      await route.continue();
    });

    await page.keyboard.press('Alt+A');
    await page.getByRole('textbox', { name: 'Filtrar clientes' }).fill('receita');
    await page.keyboard.press('Enter');
    await page.getByText('Carregando clientes…').waitFor();
    release();

    await page.getByRole('button', { name: /20101 CPF – Inscrição/ }).waitFor();
    await page.unroute('**/api/v1/clients');
  });
});

describe('STER Atendimento: client-site services', () => {
  it("opens the client's own site in a new tab", async () => {
    const page = await openAs(rig, STAFF.esmeralda);
    await page.keyboard.press('Alt+A');
    await page.getByRole('textbox', { name: 'Filtrar clientes' }).fill('claro');
    await page.keyboard.press('Enter');
    const service = page.getByRole('button', { name: /30101 Recarga de Celular Claro/ });
    await service.waitFor();
    expect(await service.textContent()).toContain('Site do cliente');
    // The demo partner site is not running here: answer for it, to see the tab open.
    const siteUrl = new URL(await clientSiteUrl('CLARO'));
    await rig.context.route(`${siteUrl.origin}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Claro</title>Recarga' }),
    );
    const [tab] = await Promise.all([
      rig.context.waitForEvent('page'),
      page.keyboard.press('Enter'),
    ]);
    await expect.poll(() => new URL(tab.url()).pathname).toBe(siteUrl.pathname);
    // STER hands the site a fresh codigoCorreios (agency, attendant, service), not the bare URL.
    const opened = new URL(tab.url());
    expect(opened.origin).toBe(siteUrl.origin);
    expect(opened.searchParams.get('codigoCorreios')).toMatch(/^[\w-]{20,}$/);
    await tab.close();
    await rig.context.unrouteAll();
  });

  it('says why the client site did not open, and closes the blank tab', async () => {
    const page = await openAs(rig, STAFF.esmeralda, '/ster/atendimento');
    await page.getByRole('textbox', { name: 'Filtrar clientes' }).fill('claro');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /30101 Recarga de Celular Claro/ }).waitFor();
    await page.route('**/api/v1/services/*/client-site-link', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'SERVICE_NOT_AVAILABLE',
            message: 'Este serviço não está disponível no momento.',
          },
        }),
      }),
    );
    const [tab] = await Promise.all([
      rig.context.waitForEvent('page'),
      page.keyboard.press('Enter'),
    ]);
    const alert = page.getByRole('alert').filter({ hasText: 'site do cliente' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Este serviço não está disponível no momento.');
    await expect.poll(() => tab.isClosed()).toBe(true);
    await expectAccessible(page, 'client site error');
    await screenshot(page, '28-client-site-error');
  });
});

describe('Protocolos STER (counter pending list)', () => {
  it('cancels a pending protocol with a reason, after confirmation', async () => {
    const code = await createPending(esmeralda, { serviceId: cpfService });
    const page = await openAs(rig, STAFF.esmeralda, '/balcao/protocolos');
    const radio = page.getByRole('radio', { name: `Protocolo ${code}` });
    await radio.check();
    await expectAccessible(page, 'pending list');
    await screenshot(page, '20-pending-list');

    await page.keyboard.press('F4');
    const dialog = page.getByRole('dialog', { name: 'Cancelar protocolo' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Erro operacional' }).check();
    await expectAccessible(page, 'cancel dialog');
    await screenshot(page, '21-cancel-dialog');
    await dialog.getByRole('button', { name: 'Confirmar cancelamento' }).click();

    await page.getByText('Protocolo cancelado com sucesso.').waitFor();
    await expect.poll(() => radio.count()).toBe(0);
    await screenshot(page, '22-cancelled');
    const history = (await esmeralda.get(`/api/v1/protocols/${code}/history`)).json<{
      events: { type: string; reason: string | null }[];
    }>();
    expect(history.events.at(-1)).toMatchObject({ type: 'cancel', reason: 'operatorError' });
  });

  it("lists another attendant's pending protocols by staff number", async () => {
    const theirs = await createPending(colleague, { serviceId: cpfService, document: CPFS[2] });
    const page = await openAs(rig, STAFF.esmeralda, '/balcao/protocolos');
    await page.locator('table.grid, .empty').first().waitFor();
    expect(await page.getByRole('radio', { name: `Protocolo ${theirs}` }).count()).toBe(0);

    await page.getByLabel('Matrícula de outro atendente ou CPF/CNPJ do usuário').fill('83278282');
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', { name: 'Protocolos pendentes da matrícula 83278282' })
      .waitFor();
    await page.getByRole('radio', { name: `Protocolo ${theirs}` }).waitFor();
    await expectAccessible(page, "another attendant's list");
    await screenshot(page, '23-colleague-list');

    const filter = page.getByLabel('Matrícula de outro atendente ou CPF/CNPJ do usuário');
    await filter.fill(CPFS[2]);
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', { name: 'Protocolos pendentes do CPF/CNPJ informado' })
      .waitFor();
    await page.getByRole('radio', { name: `Protocolo ${theirs}` }).waitFor();
  });

  it('opens a finalised attendance for reversal by its protocol code', async () => {
    const page = await openAs(rig, STAFF.esmeralda);
    await page.keyboard.press('Alt+R');
    const input = page.getByRole('textbox', { name: 'Protocolo STER do atendimento finalizado' });
    await input.waitFor();
    await input.fill('26000000000019');
    await page.keyboard.press('Enter');
    await page
      .getByText('Código de protocolo inválido: confira os dígitos (o último é de verificação).')
      .waitFor();
    await expectAccessible(page, 'reversal lookup');
    await screenshot(page, '26-reversal-lookup');

    await page.goto(`${rig.baseUrl}/nao-existe`);
    await page.getByRole('heading', { name: 'Tela não encontrada' }).waitFor();
    await expectAccessible(page, 'not found');
  });

  it('prints the invoiced statement on the receipt of an invoiced service', async () => {
    const dpvat = await serviceId(esmeralda, 'LIDER', '40101');
    const code = await createPending(esmeralda, {
      serviceId: dpvat,
      formData: {
        nome: 'Maria da Silva',
        cpf: CPFS[0],
        nascimento: '1990-05-17',
        dataAcidente: '2026-11-20',
        cobertura: 'despesas',
        cep: '90010-000',
        logradouro: 'Rua dos Andradas, 1000',
      },
      documentsChecked: ['identidade', 'boletim', 'laudo'],
    });
    expect((await esmeralda.post(`/api/v1/counter/protocols/${code}/generate`)).statusCode).toBe(
      200,
    );
    const finalised = await esmeralda.post(
      `/api/v1/counter/protocols/${code}/finalise`,
      counterReference(),
    );
    expect(finalised.statusCode).toBe(200);

    const page = await openAs(rig, STAFF.esmeralda, `/balcao/comprovante/${code}`);
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    const text = (await receipt.textContent()) ?? '';
    expect(text).toContain('ModalidadeA faturar');
    expect(text).toContain('o pagamento será efetuado pelo titular do contrato');
    await expectAccessible(page, 'invoiced receipt');
    await screenshot(page, '27-invoiced-receipt');
  });

  it('tells the attendant when someone else changed the protocol first (409)', async () => {
    const code = await createPending(esmeralda, { serviceId: cpfService, document: CPFS[3] });
    const page = await openAs(rig, STAFF.esmeralda, `/balcao/venda/${code}`);
    await page.getByTestId('sale-total').waitFor();

    await rig.context.setOffline(true);
    await page.keyboard.press('F9');
    await page.getByRole('alert').filter({ hasText: 'Sem conexão' }).waitFor();
    await screenshot(page, '24-offline');
    await rig.context.setOffline(false);

    const cancelled = await esmeralda.post(`/api/v1/counter/protocols/${code}/cancel`, {
      reason: 'citizenGaveUp',
    });
    expect(cancelled.statusCode).toBe(200);
    await page.keyboard.press('F9');
    const alert = page.getByRole('alert').filter({ hasText: 'Protocolo já alterado' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('cancelado');
    await expectAccessible(page, 'sale conflict');
    await screenshot(page, '25-conflict');
  });
});

import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  screenshot,
  openAs,
  startBrowserRig,
  type BrowserRig,
} from '@test/browser.ts';
import { apiAs, CPFS, cpfFormData, serviceId, STAFF } from '@test/factories.ts';

let rig: BrowserRig;
let cpfService: string;
let rfbClient: string;

beforeAll(async () => {
  rig = await startBrowserRig();
  const api = apiAs(rig.t, await rig.t.signIn(STAFF.esmeralda));
  cpfService = await serviceId(api, 'RFB', '20101');
  const clients = (await api.get('/api/v1/clients')).json<{
    clients: { id: string; code: string }[];
  }>();
  rfbClient = clients.clients.find((client) => client.code === 'RFB')?.id ?? '';
});

afterAll(async () => {
  await rig?.close();
});

async function fillCpfForm(page: Page, cpf: string) {
  const text = (name: string) => page.getByRole('textbox', { name, exact: true });
  await text('CPF/CNPJ do usuário').fill(cpf);
  await text('Nome do usuário').fill('Maria da Silva');
  await text('Data de nascimento').fill('17/05/1990');
  await text('Nome da mãe').fill('Joana da Silva');
  await page.getByRole('combobox', { name: 'Sexo' }).selectOption('F');
  await page.getByRole('combobox', { name: 'Possui título de eleitor?' }).selectOption('false');
  await text('CEP').fill('90010-000');
  await text('Logradouro e número').fill('Rua dos Andradas, 1000');
}

/** The error message shown inside the field whose label is `label`. */
const fieldError = (page: Page, label: string) =>
  page
    .locator('.field')
    .filter({ has: page.getByRole('textbox', { name: label, exact: true }) })
    .locator('.field-error');

describe('flow 4: pre-attendance found in Consulta Protocolo and completed', () => {
  it('finds it by CPF, shows the answers, completes, finalises and shows every event', async () => {
    const created = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/public/pre-attendances',
      payload: {
        serviceId: cpfService,
        citizen: { document: CPFS[1], name: 'Maria da Silva' },
        formData: cpfFormData({ cpf: CPFS[1] }),
      },
    });
    expect(created.statusCode).toBe(201);
    const code = created.json<{ protocol: { code: string } }>().protocol.code;

    const page = await openAs(rig, STAFF.esmeralda);
    await page.keyboard.press('Alt+C');
    await page.getByRole('heading', { name: 'Consulta Protocolo' }).waitFor();
    await expectAccessible(page, 'consulta protocolo');
    await page.getByRole('textbox', { name: 'ou CPF/CNPJ do usuário' }).fill(CPFS[1]);
    await page.keyboard.press('Enter');
    const row = page.getByRole('row').filter({ hasText: code });
    await row.waitFor();
    expect(await row.textContent()).toContain('Pré-atendimento');
    expect(await row.textContent()).toContain('***.982.247-**');
    await expectAccessible(page, 'search results');
    await screenshot(page, '30-search-results');

    await page.keyboard.press('Enter'); // the first result's action has the focus
    await page.getByRole('heading', { name: 'Concluir pré-atendimento' }).waitFor();
    expect(
      await page.getByRole('table', { name: /Respostas do formulário/ }).textContent(),
    ).toContain('Joana da Silva');
    await page.getByRole('checkbox', { name: 'Documento de identidade com foto' }).check();
    await page.getByRole('checkbox', { name: 'Comprovante de residência' }).check();
    await expectAccessible(page, 'protocol detail');
    await screenshot(page, '31-protocol-detail');
    await page.keyboard.press('F9');
    await page.getByRole('heading', { name: 'Pré-atendimento concluído' }).waitFor();
    await screenshot(page, '32-completed');

    await page.keyboard.press('F2');
    await page.getByTestId('sale-total').waitFor();
    await page.keyboard.press('F9');
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt-protocol').textContent()).toBe(
      `Protocolo STER: ${code}`,
    );

    await page.goto(`${rig.baseUrl}/ster/protocolo/${code}`);
    const history = page.getByTestId('history');
    await expect.poll(() => history.locator('tbody tr').count()).toBe(4);
    const events = await history.locator('tbody tr').allTextContents();
    expect(events).toHaveLength(4);
    expect(events[0]).toContain('Criado');
    expect(events[1]).toContain('Pré-atendimento concluído');
    expect(events[2]).toContain('Atendimento gerado');
    expect(events[3]).toContain('Finalizado');
    await expectAccessible(page, 'protocol history');
    await screenshot(page, '33-history');
  });
});

describe('hosted form validation', () => {
  it('shows the shared validation messages inline before sending anything', async () => {
    const page = await openAs(rig, STAFF.esmeralda, `/ster/atendimento/${rfbClient}/${cpfService}`);
    await page.getByRole('textbox', { name: 'CPF/CNPJ do usuário' }).waitFor();
    await page.getByRole('textbox', { name: 'Data de nascimento' }).fill('31/02/1990');
    await page.keyboard.press('F9');
    expect(await fieldError(page, 'Nome completo').textContent()).toBe('Campo obrigatório.');
    expect(await fieldError(page, 'Data de nascimento').textContent()).toBe(
      'Informe uma data válida.',
    );
    expect(await fieldError(page, 'CPF/CNPJ do usuário').textContent()).toBe(
      'CPF ou CNPJ inválido: confira os dígitos.',
    );
    await page.getByRole('combobox', { name: 'Possui título de eleitor?' }).selectOption('true');
    await page.getByRole('textbox', { name: 'Número do título de eleitor' }).fill('123');
    expect(await fieldError(page, 'Número do título de eleitor').textContent()).toBe(
      'O título de eleitor tem 12 dígitos.',
    );
    await expectAccessible(page, 'hosted form with errors');
    await screenshot(page, '40-form-client-errors');
  });

  it("shows the server's refusals next to the field and the checklist", async () => {
    const page = await openAs(rig, STAFF.esmeralda, `/ster/atendimento/${rfbClient}/${cpfService}`);
    await page.getByRole('textbox', { name: 'CPF/CNPJ do usuário' }).waitFor();
    await fillCpfForm(page, CPFS[0]);

    // No document ticked: only the server checks that, and says which are missing.
    await page.getByRole('button', { name: /Registrar atendimento/ }).click();
    await page
      .getByText('Faltam: Documento de identidade com foto, Comprovante de residência.')
      .waitFor();
    await page.getByRole('checkbox', { name: 'Documento de identidade com foto' }).check();
    await page.getByRole('checkbox', { name: 'Comprovante de residência' }).check();

    // A CPF the browser let through but the server refuses lands on the CPF field.
    const keys: string[] = [];
    await page.route('**/api/v1/attendances/in-person', async (route: Route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      const body = route.request().postDataJSON() as { formData: Record<string, unknown> };
      await route.continue({
        postData: JSON.stringify({ ...body, formData: { ...body.formData, cpf: '11111111111' } }),
      });
    });
    await page.getByRole('button', { name: /Registrar atendimento/ }).click();
    await expect
      .poll(() => fieldError(page, 'CPF').textContent())
      .toBe('CPF inválido: confira os dígitos.');
    expect(
      await page.getByRole('textbox', { name: 'CPF', exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');
    await expectAccessible(page, 'hosted form with server errors');
    await screenshot(page, '41-form-server-error');

    // Retrying, even twice in a row, sends the same key: one protocol at most.
    await page.unroute('**/api/v1/attendances/in-person');
    await page.route('**/api/v1/attendances/in-person', async (route: Route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      await route.continue();
    });
    await page.getByRole('button', { name: /Registrar atendimento/ }).dblclick();
    await page.getByTestId('created-code').waitFor();
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
  });
});

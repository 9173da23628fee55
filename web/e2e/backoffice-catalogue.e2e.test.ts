import { readFileSync } from 'node:fs';
import { generateCnpj } from '@brazilian-utils/brazilian-utils';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backOfficeApi,
  unique,
  type BackOfficeApi,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import {
  expectAccessible,
  openAs,
  screenshot,
  startBrowserRig,
  type BrowserRig,
} from '@test/browser.ts';
import { STAFF } from '@test/factories.ts';

let rig: BrowserRig;
let api: BackOfficeApi;

const SAMPLE = readFileSync(
  new URL('../../docs/examples/catalogo-erp.csv', import.meta.url),
  'utf8',
);

beforeAll(async () => {
  rig = await startBrowserRig();
  api = backOfficeApi(rig.t, await rig.t.signIn(STAFF.backOffice));
});

afterAll(async () => {
  await rig?.close();
});

const changeCount = async () => (await api.get('/api/v1/backoffice/changes')).json().page.total;

async function upload(page: Page, name: string, content: string) {
  await page
    .getByLabel('Arquivo do ERP (.csv ou .json)')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await page.getByRole('button', { name: 'Simular importação' }).click();
}

describe('back office is for back-office roles only', () => {
  it('offers no back-office entry to an attendant, and a direct address says "sem permissão"', async () => {
    const page = await openAs(rig, STAFF.esmeralda, '/');
    expect(await page.getByRole('link', { name: /Retaguarda/ }).count()).toBe(0);
    await page.goto(`${rig.baseUrl}/backoffice/clientes`);
    await page.getByRole('heading', { name: 'Sem permissão' }).waitFor();
    await expectAccessible(page, 'back office without permission');
  });
});

describe('ERP import screen', () => {
  it('refuses a file with one bad row, applies a good one, and changes nothing the second time', async () => {
    const page = await openAs(rig, STAFF.backOffice, '/backoffice/importacao');
    await page.getByRole('heading', { name: /importar catálogo do ERP/ }).waitFor();
    await expectAccessible(page, 'import screen');

    const bad = SAMPLE.replace(';1990;2026-01-01;', ';19,90;2026-01-01;');
    const before = await changeCount();
    await upload(page, 'catalogo-ruim.csv', bad);
    const refusal = page.getByRole('alert').filter({ hasText: 'Importação recusada' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Linha 7, coluna valor_centavos');
    await expectAccessible(page, 'import refused');
    expect(await changeCount()).toBe(before);
    const clients = await api.get('/api/v1/backoffice/clients?q=Horizonte');
    expect(clients.json().page.total).toBe(0);

    await upload(page, 'catalogo-erp.csv', SAMPLE);
    await page.getByRole('heading', { name: 'Simulação' }).waitFor();
    await page.getByText('8 a criar, 0 a alterar, 0 a encerrar, 0 sem mudança').waitFor();
    await expectAccessible(page, 'import preview');
    await screenshot(page, 'backoffice-import-preview');
    await page.getByRole('button', { name: 'Aplicar importação' }).click();
    await page.getByText('Importação aplicada: 8 a criar').waitFor();
    expect(await changeCount()).toBe(before + 8);
    expect((await api.get('/api/v1/backoffice/clients?q=Horizonte')).json().page.total).toBe(1);

    await upload(page, 'catalogo-erp.csv', SAMPLE);
    await page.getByText('0 a criar, 0 a alterar, 0 a encerrar, 8 sem mudança').waitFor();
    await page.getByRole('button', { name: 'Aplicar importação' }).click();
    await page.getByText('Importação aplicada: 0 a criar').waitFor();
    expect(await changeCount()).toBe(before + 8);
    await page.getByRole('cell', { name: 'catalogo-erp.csv' }).first().waitFor();
  });
});

describe('catalogue screens', () => {
  it('picks an agency beyond the first hundred by typing part of its name', async () => {
    for (let index = 0; index < 100; index += 1) {
      const created = await api.post('/api/v1/backoffice/agencies', {
        code: `3${String(index).padStart(7, '0')}`,
        name: `AC Lote ${String(index).padStart(3, '0')}`,
        kind: 'own',
        city: 'Natal',
        state: 'RN',
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const far = await api.post('/api/v1/backoffice/agencies', {
      code: '39999999',
      name: 'AC Xique-Xique',
      kind: 'own',
      city: 'Xique-Xique',
      state: 'BA',
    });
    expect(far.statusCode, far.body).toBe(201);

    const page = await openAs(rig, STAFF.backOffice, '/backoffice/funcionarios');
    await page.getByRole('button', { name: 'Novo funcionário' }).click();
    const dialog = page.getByRole('dialog', { name: 'Novo funcionário' });
    const registration = `9${unique().padStart(7, '0')}`.slice(0, 8);
    await dialog.getByRole('textbox', { name: 'Matrícula' }).fill(registration);
    await dialog.getByRole('textbox', { name: 'Nome' }).fill('Iracema Xavier');
    await dialog.getByRole('combobox', { name: 'Perfil' }).selectOption('attendant');
    const agency = dialog.getByRole('combobox', { name: 'Agência' });
    await agency.fill('xique');
    const option = dialog.getByRole('option', { name: '39999999 AC Xique-Xique' });
    await option.waitFor();
    expect(await dialog.getByRole('listbox').getByRole('option').count()).toBe(1);
    await expectAccessible(page, 'agency picker open');
    await screenshot(page, 'backoffice-agency-picker');
    await agency.press('ArrowDown');
    await agency.press('Enter');
    expect(await agency.inputValue()).toBe('39999999 AC Xique-Xique');
    await dialog.getByLabel('Senha inicial').fill('senha-forte-123');
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await page.getByRole('cell', { name: registration, exact: true }).waitFor();

    const { staff } = (await api.get(`/api/v1/backoffice/staff?q=${registration}`)).json();
    expect(staff[0].agencyId).toBe(far.json().agency.id);

    const filter = page.getByRole('search').getByRole('combobox', { name: 'Agência' });
    await filter.fill('Xique');
    await page.getByRole('option', { name: '39999999 AC Xique-Xique' }).click();
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.getByText('1–1 de 1').waitFor();
    await expectAccessible(page, 'staff filtered by agency');
  });

  it('sets up a client, contract, service and tariff from the screens, and refuses a stale edit', async () => {
    const page = await openAs(rig, STAFF.backOffice, '/');
    await page.getByRole('link', { name: /Retaguarda/ }).click();
    await page.getByRole('heading', { name: 'Retaguarda – clientes' }).waitFor();
    await expectAccessible(page, 'clients');

    const code = `NOVO${unique()}`;
    await page.getByRole('button', { name: 'Novo cliente' }).click();
    const dialog = page.getByRole('dialog', { name: 'Novo cliente' });
    await dialog.getByRole('textbox', { name: 'Sigla' }).fill(code);
    await dialog.getByRole('textbox', { name: 'Nome' }).fill('Consórcio Novo Horizonte');
    await dialog.getByRole('textbox', { name: 'CNPJ' }).fill('11.222.333/0001-00');
    await dialog.getByRole('combobox', { name: 'Tipo de cliente' }).selectOption('microSmall');
    await expectAccessible(page, 'new client dialog');
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await dialog.getByText('CNPJ inválido: confira os dígitos.').first().waitFor();
    await dialog.getByRole('textbox', { name: 'CNPJ' }).fill(generateCnpj());
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await page.getByRole('cell', { name: code, exact: true }).waitFor();

    await page.getByRole('searchbox', { name: 'Nome ou sigla' }).fill('Novo Horizonte');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.getByText('1–1 de 1').waitFor();

    await page.getByRole('link', { name: `Contratos e serviços de ${code}` }).click();
    await page.getByRole('heading', { name: new RegExp(`Cliente ${code}`) }).waitFor();
    await page.getByRole('button', { name: 'Novo contrato' }).click();
    const contract = page.getByRole('dialog', { name: 'Novo contrato' });
    const contractNumber = `77${unique()}`;
    await contract.getByRole('textbox', { name: 'Número do contrato' }).fill(contractNumber);
    await contract.getByRole('textbox', { name: 'Código administrativo' }).fill('12345678');
    await contract.getByRole('textbox', { name: 'Cartão de postagem' }).fill('0012345678');
    await contract.getByLabel('Início da vigência').fill('2026-01-01');
    await contract.getByRole('button', { name: 'Salvar' }).click();
    await page.getByRole('cell', { name: '12345678', exact: true }).waitFor();

    const serviceCode = unique();
    await page.getByRole('button', { name: 'Novo serviço' }).click();
    const service = page.getByRole('dialog', { name: 'Novo serviço' });
    await service.getByRole('textbox', { name: 'Código do serviço' }).fill(serviceCode);
    await service.getByRole('textbox', { name: 'Nome', exact: true }).fill('Consórcio – Adesão');
    await service.getByRole('checkbox', { name: 'Presencial' }).check();
    await service.getByRole('button', { name: 'Salvar' }).click();
    await service
      .getByText(/Contrato/)
      .first()
      .waitFor();
    expect(
      await service.getByRole('combobox', { name: 'Contrato' }).getAttribute('aria-invalid'),
    ).toBe('true');
    await service.getByRole('combobox', { name: 'Contrato' }).fill(contractNumber.slice(0, 6));
    await service.getByRole('option', { name: contractNumber }).click();
    await service.getByRole('button', { name: 'Salvar' }).click();
    await page.getByRole('cell', { name: 'Consórcio – Adesão' }).waitFor();
    await expectAccessible(page, 'client page');

    await page.getByRole('link', { name: `Tarifas e formulário de ${serviceCode}` }).click();
    await page.getByRole('heading', { name: new RegExp(`Serviço ${serviceCode}`) }).waitFor();
    await page.getByRole('button', { name: 'Nova tarifa' }).click();
    const tariff = page.getByRole('dialog', { name: 'Nova tarifa' });
    await tariff.getByRole('textbox', { name: 'Valor (R$)' }).fill('1250');
    await tariff.getByLabel('Início da vigência').fill('2026-01-01');
    await tariff.getByRole('button', { name: 'Salvar' }).click();
    await page.getByRole('cell', { name: /12,50/ }).waitFor();
    await page.getByRole('button', { name: 'Nova tarifa' }).click();
    await tariff.getByRole('textbox', { name: 'Valor (R$)' }).fill('1300');
    await tariff.getByLabel('Início da vigência').fill('2026-06-01');
    await tariff.getByRole('button', { name: 'Salvar' }).click();
    await tariff.getByText(/não podem se sobrepor/).waitFor();
    await tariff.getByRole('button', { name: 'Cancelar' }).click();
    await expectAccessible(page, 'service page');

    // Someone else renames the service while this screen holds the old version.
    const { services } = (await api.get(`/api/v1/backoffice/services?q=${serviceCode}`)).json();
    await page.getByRole('button', { name: 'Editar serviço' }).click();
    await api.patch(`/api/v1/backoffice/services/${services[0].id}`, { name: 'Outro nome' });
    const edit = page.getByRole('dialog', { name: 'Editar serviço' });
    await edit.getByRole('textbox', { name: 'Nome', exact: true }).fill('Meu nome');
    await edit.getByRole('button', { name: 'Salvar' }).click();
    await edit.getByText('Registro alterado por outra pessoa').waitFor();
    await edit.getByRole('button', { name: 'Recarregar dados atuais' }).click();
    await page.getByRole('heading', { name: /Outro nome/ }).waitFor();

    for (const [path, heading] of [
      ['/backoffice/servicos', 'Retaguarda – serviços'],
      ['/backoffice/agencias', 'Retaguarda – agências'],
      ['/backoffice/funcionarios', 'Retaguarda – funcionários'],
      ['/backoffice/alteracoes', 'Retaguarda – histórico de alterações'],
    ] as const) {
      await page.goto(`${rig.baseUrl}${path}`);
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.locator('table.grid').first().waitFor();
      await expectAccessible(page, path);
    }
    await page.getByRole('searchbox', { name: 'Quem (matrícula ou nome)' }).fill('90000001');
    await page.getByRole('combobox', { name: 'Tipo de registro' }).selectOption('tariff');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    const expected = await api.get('/api/v1/backoffice/changes?entity=tariff&actor=90000001');
    const { total } = expected.json().page;
    expect(total).toBeGreaterThan(0);
    await page.getByText(`1–${Math.min(total, 20)} de ${total}`).waitFor();
    expect(await page.getByRole('cell', { name: 'Cliente' }).count()).toBe(0);
  }, 90_000); // the whole set-up of a client from the screens
});

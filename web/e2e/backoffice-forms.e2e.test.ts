import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backOfficeApi,
  newClient,
  newContract,
  newService,
  type BackOfficeApi,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import {
  expectAccessible,
  openAs,
  screenshot,
  startBrowserRig,
  type BrowserRig,
} from '@test/browser.ts';
import { CPFS, STAFF } from '@test/factories.ts';

let rig: BrowserRig;
let api: BackOfficeApi;

beforeAll(async () => {
  rig = await startBrowserRig();
  api = backOfficeApi(rig.t, await rig.t.signIn(STAFF.backOffice));
});

afterAll(async () => {
  await rig?.close();
});

const editor = (page: Page, id: string) => page.locator(`[data-field-id="${id}"]`);

async function addField(page: Page, type: string, label: string) {
  await page.getByRole('combobox', { name: 'Tipo do novo campo na seção 1' }).selectOption(type);
  await page.getByRole('button', { name: 'Adicionar campo à seção 1' }).click();
  const last = page.locator('[data-field-id]').last();
  await last.getByRole('textbox', { name: 'Rótulo' }).fill(label);

  return (await last.getAttribute('data-field-id')) ?? '';
}

const fieldOrder = (page: Page) =>
  page
    .locator('[data-field-id]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-field-id')));

const preview = (page: Page) => page.getByRole('region', { name: 'Pré-visualização' });

/** Fills the designed form at the counter, as the attendant does, and returns the protocol. */
async function attendAtCounter(page: Page) {
  const text = (name: string) => page.getByRole('textbox', { name, exact: true });
  await text('CPF/CNPJ do usuário').fill(CPFS[0]);
  await text('Nome do usuário').fill('Maria da Silva');
  await text('Nome completo').fill('Maria da Silva');
  await text('Data do acidente').fill('10/11/2026');
  await page.getByRole('combobox', { name: 'Tipo de veículo' }).selectOption('moto');
  await text('Valor das despesas (R$)').fill('15000');
  await expect.poll(() => text('Descrição das vítimas').count()).toBe(0);
  await page.getByRole('combobox', { name: 'Houve vítimas?' }).selectOption('true');
  await text('Descrição das vítimas').fill('Um passageiro ferido');
  await page.getByRole('checkbox', { name: 'Boletim de ocorrência' }).check();
  await page.getByRole('button', { name: /Registrar atendimento/ }).click();

  return (await page.getByTestId('created-code').textContent()) ?? '';
}

/** Fills the designed form on the citizens' portal, as a citizen at home, and returns the code. */
async function preAttendOnPortal(page: Page, clientName: string) {
  const text = (name: string) => page.getByRole('textbox', { name, exact: true });
  await page.goto(`${rig.baseUrl}/cidadao`);
  await page.getByRole('link', { name: /^Pré-atendimento Preencha/ }).click();
  await page.getByRole('link', { name: new RegExp(clientName) }).click();
  await page.getByRole('link', { name: /DPVAT – Aviso de Sinistro/ }).click();
  await text('Seu CPF ou CNPJ').fill(CPFS[1]);
  await text('Seu nome').fill('João Souza');
  await text('Nome completo').fill('João Souza');
  await text('CPF do segurado').fill(CPFS[1]);
  await page.getByRole('combobox', { name: 'Tipo de veículo' }).selectOption('carro');
  await page.getByRole('combobox', { name: 'Houve vítimas?' }).selectOption('false');
  await page.getByRole('button', { name: 'Gerar comprovante de pré-atendimento' }).click();
  await page.getByTestId('voucher').waitFor();
  await expectAccessible(page, 'designed form on the portal: voucher');

  return (await page.getByTestId('voucher-code').textContent())?.replace(/\D/g, '') ?? '';
}

describe('form builder: design, preview, publish, serve, change, publish again', () => {
  it('keeps the first protocol on the first version after a second one is published', async () => {
    const client = await newClient(api, { name: 'Seguradora Horizonte S.A.' });
    const contract = await newContract(api, client.id);
    const service = await newService(api, contract.id, {
      name: 'DPVAT – Aviso de Sinistro',
      attendanceTypes: ['inPerson', 'preAttendance'],
    });
    const tariff = await api.post(`/api/v1/backoffice/services/${service.id}/tariffs`, {
      amountCents: 2500,
      validFrom: '2026-01-01',
    });
    expect(tariff.statusCode).toBe(201);

    const page = await openAs(
      rig,
      STAFF.backOffice,
      `/backoffice/servicos/${service.id}/formulario`,
    );
    await page.getByRole('heading', { name: /Formulário – / }).waitFor();
    await expectAccessible(page, 'form builder (empty)');

    const nome = await addField(page, 'text', 'Nome completo');
    await editor(page, nome).getByRole('checkbox', { name: 'Obrigatório' }).check();
    await editor(page, nome).getByRole('textbox', { name: 'Máximo de caracteres' }).fill('120');
    const cpf = await addField(page, 'cpf', 'CPF do segurado');
    await editor(page, cpf).getByRole('checkbox', { name: 'Obrigatório' }).check();
    await addField(page, 'date', 'Data do acidente');
    const valor = await addField(page, 'money', 'Valor das despesas');
    const veiculo = await addField(page, 'choice', 'Tipo de veículo');
    await editor(page, veiculo)
      .getByRole('textbox', { name: 'Opções' })
      .fill('carro = Carro\nmoto = Motocicleta');
    const vitimas = await addField(page, 'yesNo', 'Houve vítimas?');
    const descricao = await addField(page, 'textarea', 'Descrição das vítimas');
    await editor(page, descricao)
      .getByRole('combobox', { name: 'Mostrar só quando o campo' })
      .selectOption(vitimas);
    await expect
      .poll(() =>
        editor(page, descricao).getByRole('combobox', { name: 'for igual a' }).inputValue(),
      )
      .toBe('true');

    // Reorder with the keyboard: the vehicle type goes above the amount.
    await editor(page, veiculo).getByRole('textbox', { name: 'Rótulo' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() => fieldOrder(page))
      .toEqual([nome, cpf, expect.any(String), veiculo, valor, vitimas, descricao]);
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() => fieldOrder(page))
      .toEqual([nome, cpf, expect.any(String), veiculo, valor, vitimas, descricao]);

    await page.getByRole('button', { name: 'Adicionar documento' }).click();
    await page.getByRole('textbox', { name: 'Documento 1' }).fill('Boletim de ocorrência');

    // The live preview is the attendant's own form: the conditional field follows the answer.
    const live = preview(page);
    await live.getByRole('textbox', { name: 'Nome completo', exact: true }).waitFor();
    expect(await live.getByRole('textbox', { name: 'Descrição das vítimas' }).count()).toBe(0);
    await live.getByRole('combobox', { name: 'Houve vítimas?' }).selectOption('true');
    await live.getByRole('textbox', { name: 'Descrição das vítimas' }).waitFor();
    await expectAccessible(page, 'form builder with preview');
    await screenshot(page, 'backoffice-form-builder');

    await page.getByRole('button', { name: 'Publicar nova versão' }).click();
    await page.getByText('Versão 1 publicada').waitFor();
    await page.getByRole('button', { name: 'Restaurar versão 1 como rascunho' }).waitFor();

    // An attendant serves a citizen with version 1 at the counter.
    const counter = await openAs(
      rig,
      STAFF.esmeralda,
      `/ster/atendimento/${client.id}/${service.id}`,
    );
    await counter.getByText('formulário versão 1').waitFor();
    const first = await attendAtCounter(counter);
    expect(first).toMatch(/^\d{14}$/);

    // A citizen at home starts a pre-attendance with version 1 on the portal.
    const citizenCode = await preAttendOnPortal(await rig.newPage(), 'Seguradora Horizonte S.A.');
    expect(citizenCode).toMatch(/^\d{14}$/);

    // Back office renames a field and publishes version 2 (the rig keeps one tab open).
    const builder = await openAs(
      rig,
      STAFF.backOffice,
      `/backoffice/servicos/${service.id}/formulario`,
    );
    await builder.getByRole('textbox', { name: 'Rótulo' }).first().fill('Nome do segurado');
    await builder.getByRole('button', { name: 'Publicar nova versão' }).click();
    await builder.getByText('Versão 2 publicada').waitFor();

    const again = await openAs(
      rig,
      STAFF.esmeralda,
      `/ster/atendimento/${client.id}/${service.id}`,
    );
    await again.getByText('formulário versão 2').waitFor();
    await again.getByRole('textbox', { name: 'Nome do segurado', exact: true }).waitFor();

    for (const code of [first, citizenCode]) {
      const shown = await openAs(rig, STAFF.esmeralda, `/ster/protocolo/${code}`);
      await shown.getByText('Nome completo').first().waitFor();
      expect(await shown.getByText('Nome do segurado').count()).toBe(0);
    }
  }, 120_000); // one long user journey: design, publish, serve twice, change, publish again
});

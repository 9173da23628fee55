import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  openAs,
  screenshot,
  startBrowserRig,
  type BrowserRig,
} from '@test/browser.ts';
import { STAFF } from '@test/factories.ts';

let rig: BrowserRig;

beforeAll(async () => {
  rig = await startBrowserRig();
});

afterAll(async () => {
  await rig?.close();
});

const text = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** The error message shown inside the field labelled `label`. */
const fieldError = (page: Page, label: string) =>
  page
    .locator('.field')
    .filter({ has: text(page, label) })
    .locator('.field-error');

/** Fills "CPF – Inscrição" as a citizen at home; the CPF field follows "Seu CPF ou CNPJ". */
async function fillCpfRegistration(page: Page, cpf: string) {
  await text(page, 'Seu CPF ou CNPJ').fill(cpf);
  await text(page, 'Seu nome').fill('Maria da Silva');
  await text(page, 'Data de nascimento').fill('17/05/1990');
  await text(page, 'Nome da mãe').fill('Joana da Silva');
  await page.getByRole('combobox', { name: 'Sexo' }).selectOption('F');
  await page.getByRole('combobox', { name: 'Possui título de eleitor?' }).selectOption('false');
  await text(page, 'CEP').fill('90010-000');
  await text(page, 'Logradouro e número').fill('Rua dos Andradas, 1000');
}

/** From the portal's home to the "CPF – Inscrição" form, as a citizen clicks through. */
async function openCpfRegistration(page: Page) {
  await page.goto(`${rig.baseUrl}/cidadao`);
  await page.getByRole('link', { name: /^Pré-atendimento Preencha/ }).click();
  await page.getByRole('link', { name: /Receita Federal/ }).click();
  await page.getByRole('link', { name: /CPF – Inscrição/ }).click();
  await text(page, 'Seu CPF ou CNPJ').waitFor();
}

async function submitPreAttendance(page: Page, cpf: string): Promise<string> {
  await openCpfRegistration(page);
  await fillCpfRegistration(page, cpf);
  await page.getByRole('button', { name: 'Gerar comprovante de pré-atendimento' }).click();
  await page.getByTestId('voucher').waitFor();

  return (await page.getByTestId('voucher-code').textContent())?.replace(/\D/g, '') ?? '';
}

async function lookUpStatus(page: Page, code: string, cpf: string) {
  await page.goto(`${rig.baseUrl}/cidadao/consulta`);
  await text(page, 'Código do protocolo').fill(code);
  await text(page, 'Seu CPF ou CNPJ').fill(cpf);
  await page.getByRole('button', { name: 'Consultar' }).click();
}

/** At the counter: Consulta Protocolo by CPF, open the pre-attendance, tick documents, F9. */
async function completeAtCounter(page: Page, cpf: string, code: string) {
  await page.keyboard.press('Alt+C');
  await page.getByRole('heading', { name: 'Consulta Protocolo' }).waitFor();
  await page.getByRole('textbox', { name: 'ou CPF/CNPJ do usuário' }).fill(cpf);
  await page.keyboard.press('Enter');
  await page.getByRole('row').filter({ hasText: code }).waitFor();
  // The results move the focus to the first action once rendered; Enter must wait for it.
  const action = page.getByRole('link', { name: `Continuar protocolo ${code}` });
  await expect.poll(() => action.evaluate((link) => link === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Concluir pré-atendimento' }).waitFor();
  await page.getByRole('checkbox', { name: 'Documento de identidade com foto' }).check();
  await page.getByRole('checkbox', { name: 'Comprovante de residência' }).check();
  await page.keyboard.press('F9');
}

describe('pre-attendance from the portal', () => {
  it('gives a voucher the counter completes and finalises, and the status follows', async () => {
    const portal = await rig.newPage();
    const code = await submitPreAttendance(portal, '529.982.247-25');
    expect(code).toMatch(/^\d{14}$/);
    const voucher = portal.getByTestId('voucher');
    expect(await voucher.getByRole('img', { name: /Código de barras/ }).count()).toBe(1);
    expect(await voucher.getByRole('img', { name: /QR code/ }).count()).toBe(1);
    expect(await portal.getByTestId('voucher-documents').textContent()).toContain(
      'Comprovante de residência',
    );
    expect(await portal.getByTestId('voucher-expiry').textContent()).toMatch(
      /^\d{2}\/\d{2}\/\d{4}$/,
    );
    expect(await voucher.textContent()).toContain('qualquer agência própria ou franqueada');
    await expectAccessible(portal, 'voucher');
    await screenshot(portal, '60-portal-voucher');

    await portal.getByRole('button', { name: 'Imprimir' }).click();
    expect(await portal.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const [download] = await Promise.all([
      portal.waitForEvent('download'),
      portal.getByRole('button', { name: 'Baixar PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`pre-atendimento-${code}.pdf`);
    expect(
      readFileSync((await download.path()) ?? '')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const counter = await openAs(rig, STAFF.esmeralda);
    await completeAtCounter(counter, '52998224725', code);
    await counter.getByRole('heading', { name: 'Pré-atendimento concluído' }).waitFor();
    await counter.keyboard.press('F2');
    await counter.getByTestId('sale-total').waitFor();
    await counter.keyboard.press('F9');
    await counter.getByTestId('receipt').waitFor();

    const again = await rig.newPage();
    await lookUpStatus(again, code, '529.982.247-25');
    await again.getByTestId('status-result').waitFor();
    expect(await again.getByTestId('status-label').textContent()).toBe('Finalizado');
    const result = await again.getByTestId('status-result').textContent();
    expect(result).toContain('AC ESMERALDA');
    expect(result).toContain('Pendente');
    expect(result).not.toContain('Maria');
  });

  it('shows the shared validation messages before sending anything', async () => {
    const page = await rig.newPage();
    await openCpfRegistration(page);
    await text(page, 'Data de nascimento').fill('31/02/1990');
    // Leaving the field shows its message at once, before the citizen reaches the button.
    await page.keyboard.press('Tab');
    await fieldError(page, 'Data de nascimento').waitFor();
    await page.getByRole('button', { name: 'Gerar comprovante de pré-atendimento' }).click();
    await screenshot(page, '65-portal-form-errors');
    expect(await fieldError(page, 'Nome completo').textContent()).toBe('Campo obrigatório.');
    expect(await fieldError(page, 'Data de nascimento').textContent()).toBe(
      'Informe uma data válida.',
    );
    expect(await fieldError(page, 'Seu CPF ou CNPJ').textContent()).toBe(
      'CPF ou CNPJ inválido: confira os dígitos.',
    );
    await expectAccessible(page, 'portal form with errors');
  });

  it('refuses an expired pre-attendance at the counter', async () => {
    const portal = await rig.newPage();
    const code = await submitPreAttendance(portal, '390.533.447-05');
    rig.t.clock.advanceDays(31);

    const counter = await openAs(rig, STAFF.esmeralda);
    await completeAtCounter(counter, '39053344705', code);
    await counter.getByText('Este pré-atendimento expirou. Faça um novo atendimento.').waitFor();
    await screenshot(counter, '61-expired-at-counter');

    // Opening the counter closed the citizen's tab; the citizen looks the status up afresh.
    const later = await rig.newPage();
    await lookUpStatus(later, code, '39053344705');
    await later.getByTestId('status-result').waitFor();
    expect(await later.getByTestId('status-label').textContent()).toBe('Expirado');
  });
});

describe('status lookup', () => {
  it('answers a right CPF with the status and a wrong one as if the code did not exist', async () => {
    const page = await rig.newPage();
    const code = await submitPreAttendance(page, '111.444.777-35');

    await lookUpStatus(page, code, '111.444.777-35');
    await page.getByTestId('status-result').waitFor();
    expect(await page.getByTestId('status-label').textContent()).toBe('Pré-atendimento');
    await expectAccessible(page, 'status found');

    await lookUpStatus(page, code, '123.456.789-09');
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Não encontramos protocolo com este código');
    expect(await page.getByTestId('status-result').count()).toBe(0);
    await expectAccessible(page, 'status not found');
    await screenshot(page, '62-status-not-found');

    const wrongDigit = `${code.slice(0, 13)}${(Number(code[13]) + 1) % 10}`;
    await lookUpStatus(page, wrongDigit, '111.444.777-35');
    expect(await fieldError(page, 'Código do protocolo').textContent()).toBe(
      'Código de protocolo inválido: confira os dígitos (o último é de verificação).',
    );
  });
});

describe('the portal on a 360 px phone', () => {
  it('fits the screen without sideways scrolling and passes axe', async () => {
    const page = await rig.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    const fits = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    for (const path of ['/cidadao', '/cidadao/consulta', '/cidadao/virtual']) {
      await page.goto(`${rig.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await fits(), path).toBe(true);
      await expectAccessible(page, `${path} at 360 px`);
    }
    await screenshot(page, '63-portal-360');
    await openCpfRegistration(page);
    await page.getByRole('button', { name: 'Gerar comprovante de pré-atendimento' }).click();
    expect(await fits()).toBe(true);
    await expectAccessible(page, 'form at 360 px');
    await screenshot(page, '64-portal-form-360');
  });
});

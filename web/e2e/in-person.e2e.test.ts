import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  InputCounter,
  screenshot,
  signIn,
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

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const id = active?.id;
    const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : null;

    return label ?? active?.getAttribute('aria-label') ?? active?.textContent ?? '';
  });

describe('flow 3: in person, hosted form, no pre-attendance (keyboard only)', () => {
  it('goes from client choice to the printed receipt without the mouse', async () => {
    const page = await rig.newPage();
    await page.goto(`${rig.baseUrl}/`);
    await expectAccessible(page, 'sign-in');
    await screenshot(page, '01-sign-in');
    await signIn(page, rig.baseUrl, STAFF.esmeralda);
    await expect
      .poll(() => page.getByTestId('attendant-header').textContent())
      .toContain('Atendente SARA – 83278281 – AC ESMERALDA');
    await expectAccessible(page, 'counter home');
    await screenshot(page, '02-counter-home');

    const keys = new InputCounter(page);
    await keys.press('F2');
    await page.getByRole('heading', { name: 'Atendimento – escolha o cliente' }).waitFor();
    await page.getByRole('button', { name: /Receita Federal/ }).waitFor();
    await expectAccessible(page, 'client list');
    await screenshot(page, '03-client-list');
    await keys.type('receita');
    await keys.press('Enter');
    await page.getByRole('button', { name: /20101 CPF – Inscrição/ }).waitFor();
    await expectAccessible(page, 'service list');
    await screenshot(page, '04-service-list');
    expect(await focusedLabel(page)).toContain('20101');
    await keys.press('Enter');

    await page.getByRole('heading', { name: '20101 – CPF – Inscrição' }).waitFor();
    await page.getByLabel('CPF/CNPJ do usuário').waitFor();
    expect(await focusedLabel(page)).toContain('CPF/CNPJ do usuário');
    await keys.type('12345678909');
    await keys.press('Tab');
    await keys.type('Maria da Silva');
    await keys.press('Tab', 3); // nome and CPF were filled from the citizen's data
    await keys.type('17051990');
    await keys.press('Tab', 3); // phone and e-mail are optional
    await keys.type('Joana da Silva');
    await keys.press('Tab');
    await keys.press('ArrowDown'); // Sexo: Feminino
    await keys.press('Tab');
    await keys.press('ArrowDown', 2); // Possui título de eleitor? Não
    await keys.press('Tab');
    await keys.type('90010000');
    await keys.press('Tab');
    await keys.type('Rua dos Andradas, 1000');
    await keys.press('Tab');
    await keys.press('Space');
    await keys.press('Tab');
    await keys.press('Space');
    await screenshot(page, '05-hosted-form');
    const field = (name: string) => page.getByRole('textbox', { name, exact: true });
    expect(await field('CPF').inputValue()).toBe('123.456.789-09');
    expect(await field('Nome completo').inputValue()).toBe('Maria da Silva');
    expect(await page.getByRole('combobox', { name: 'Sexo' }).inputValue()).toBe('F');
    expect(
      await page.getByRole('combobox', { name: 'Possui título de eleitor?' }).inputValue(),
    ).toBe('false');
    expect(await field('CEP').inputValue()).toBe('90010-000');
    await expectAccessible(page, 'hosted form');
    await keys.press('F9');

    const code = await page.getByTestId('created-code').textContent();
    expect(code).toMatch(/^\d{14}$/);
    await expectAccessible(page, 'protocol created');
    await screenshot(page, '06-protocol-created');
    await keys.press('F2');

    await page.getByTestId('sale-total').waitFor();
    expect(await page.getByTestId('sale-total').textContent()).toMatch(/R\$\s8,50/);
    expect(await page.getByTestId('sale-modality').textContent()).toBe('À vista');
    await expectAccessible(page, 'sale');
    await screenshot(page, '07-sale');
    await keys.press('F9');

    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    await page.locator('[data-testid="receipt-barcode"] svg').waitFor();
    expect(await focusedLabel(page)).toContain('Imprimir comprovante');
    await keys.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    const text = (await receipt.textContent()) ?? '';
    for (const expected of [
      'COMPROVANTE DO CLIENTE',
      'Receita Federal do Brasil',
      '9912300010',
      '08082700',
      '0067599100',
      '***.456.789-**',
      'Atendente83278281',
      'ModalidadeÀ vista',
      '90001 Impressão do comprovante de inscrição',
      `Protocolo STER: ${code}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(await page.getByTestId('receipt-total').textContent()).toMatch(/R\$\s8,50/);
    expect(await page.getByRole('link', { name: 'Baixar PDF' }).getAttribute('href')).toBe(
      `/api/v1/counter/protocols/${code}/receipt.pdf`,
    );
    await expectAccessible(page, 'receipt');
    await screenshot(page, '08-receipt');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '09-receipt-print');
    await page.emulateMedia({ media: 'screen' });

    process.stdout.write(
      `keyboard-only in-person path (client → printed receipt): ` +
        `${keys.keystrokes} keystrokes, ${keys.clicks} clicks\n`,
    );
    expect(keys.clicks).toBe(0);

    const detail = await rig.t.app.inject({
      method: 'GET',
      url: `/api/v1/protocols/${code}`,
      headers: { authorization: `Bearer ${await rig.t.signIn(STAFF.esmeralda)}` },
    });
    expect(detail.json().protocol.status).toBe('finalised');

    // Estorno from the receipt, still by keyboard.
    await page.keyboard.press('F8');
    await page.getByRole('dialog', { name: 'Estornar atendimento' }).waitFor();
    await page.keyboard.type('Usuário desistiu após o pagamento');
    await expectAccessible(page, 'reverse dialog');
    await screenshot(page, '10-reverse-dialog');
    await page.keyboard.press('Enter');
    await page.getByText('Atendimento estornado com sucesso.').waitFor();
    await page.getByText('ATENDIMENTO ESTORNADO', { exact: true }).waitFor();
    await screenshot(page, '11-reversed');
  });
});

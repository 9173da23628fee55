import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, startBrowserRig, type BrowserRig } from '@test/browser.ts';
import { startIdCorreios, type IdCorreios } from '@idcorreios/provider.ts';

let rig: BrowserRig;
let idCorreios: IdCorreios;
const CLIENT = { clientId: 'ster-e2e', clientSecret: 'ster-e2e-secret' };

beforeAll(async () => {
  rig = await startBrowserRig();
  const redirectUri = `${rig.baseUrl}/cidadao/retorno`;
  idCorreios = await startIdCorreios({
    port: 0,
    clients: [{ ...CLIENT, redirectUris: [redirectUri] }],
  });
  rig.t.ctx.config.oidc = { issuer: idCorreios.issuer, ...CLIENT, redirectUri };
});

afterAll(async () => {
  await rig?.close();
  await idCorreios?.close();
});

/** oidc-provider's own development login and consent pages, as a citizen fills them. */
async function signInAtIdCorreios(page: Page, cpf: string) {
  await page.waitForURL(`${idCorreios.issuer}/**`);
  await page.locator('input[name="login"]').fill(cpf);
  await page.locator('input[name="password"]').fill('qualquer-senha');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('virtual attendance through the real IdCorreios sign-in', () => {
  it('signs in with OpenID Connect, finalises at once, and lists it with its receipt', async () => {
    const page = await rig.newPage();
    await page.goto(`${rig.baseUrl}/cidadao/virtual`);
    await expectAccessible(page, 'virtual sign-in gate');
    await page.getByRole('button', { name: 'Entrar com IdCorreios' }).click();
    await signInAtIdCorreios(page, '284.517.396-28');

    await page.waitForURL(`${rig.baseUrl}/cidadao/virtual`);
    expect(await page.getByTestId('citizen-header').textContent()).toContain('***.517.396-**');
    await page.getByRole('link', { name: /Trânsito de Goiás/ }).click();
    await page.getByRole('link', { name: /Licenciamento Anual/ }).click();
    const text = (name: string) => page.getByRole('textbox', { name, exact: true });
    expect(await text('Seu CPF (do IdCorreios)').inputValue()).toBe('284.517.396-28');
    await text('RENAVAM').fill('12345678901');
    await text('Placa').fill('ABC1D23');
    await text('Exercício').fill('2026');
    await expectAccessible(page, 'virtual form');
    await page.getByRole('button', { name: 'Concluir atendimento' }).click();

    await page.getByTestId('virtual-done').waitFor();
    expect(await page.getByTestId('virtual-status').textContent()).toBe('Finalizado');
    expect(await page.getByTestId('virtual-done').textContent()).toMatch(/R\$\s8,90/);
    await expectAccessible(page, 'virtual done');
    await screenshot(page, '70-virtual-done');
    const receiptHref = await page
      .getByRole('link', { name: 'Comprovante em PDF' })
      .getAttribute('href');
    const receipt = await rig.context.request.get(`${rig.baseUrl}${receiptHref}`);
    expect(receipt.status()).toBe(200);
    expect((await receipt.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const code = page.url().split('/').pop() ?? '';
    const stored = await rig.t.ctx.db
      .selectFrom('protocols')
      .select(['status', 'attendanceType', 'modality', 'totalCents', 'agencyId'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      status: 'finalised',
      attendanceType: 'virtual',
      modality: 'invoiced',
      totalCents: 890,
      agencyId: null,
    });

    await page.getByRole('link', { name: 'Meus protocolos' }).first().click();
    await page.getByTestId('my-protocol').first().waitFor();
    expect(await page.getByTestId('my-protocol').allTextContents()).toEqual([
      expect.stringContaining('Finalizado'),
    ]);
    await expectAccessible(page, 'meus protocolos');
    await screenshot(page, '71-meus-protocolos');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Baixar meus dados (JSON)' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
    expect(exported.subject.document).toBe('28451739628');
    expect(exported.protocols[0].answers).toMatchObject({ placa: 'ABC1D23' });

    await page.getByRole('button', { name: 'Sair' }).click();
    await page.getByRole('button', { name: 'Entrar com IdCorreios' }).waitFor();
  });
});

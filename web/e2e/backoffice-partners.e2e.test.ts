import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPartnerCallbackWorker } from '@server/modules/outbox/outbox.worker.ts';
import {
  codigoFor,
  createPartner,
  registra,
  registraBody,
  type TestPartner,
} from '@server/modules/partner/partner.fixtures.ts';
import {
  expectAccessible,
  openAs,
  screenshot,
  startBrowserRig,
  type BrowserRig,
} from '@test/browser.ts';
import { apiAs, counterReference, STAFF } from '@test/factories.ts';

/**
 * The back-office partner screens: partners, tokens (issued and shown once, rotated, revoked),
 * the confirmation URL, the hosted-form service hooks, the audit trail, and the delivery log
 * with its attempts and replay.
 */

let rig: BrowserRig;
let partner: TestPartner;

beforeAll(async () => {
  rig = await startBrowserRig();
  partner = await createPartner(rig.t);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rig?.close();
});

/** Whether STER still accepts a partner token (an unknown protocol is 404, a bad token 401). */
async function tokenWorks(token: string) {
  const response = await rig.t.app.inject({
    method: 'GET',
    url: '/ster/api/v1/atendimentos/26000000000017',
    headers: { authorization: token },
  });

  return response.statusCode !== 401;
}

describe('back-office partner screens', () => {
  it('issues a token shown once, rotates and revokes it, and logs every change', async () => {
    const page = await openAs(rig, STAFF.backOffice, '/');
    await page.getByRole('link', { name: /Retaguarda/ }).click();
    await page.getByRole('link', { name: 'Parceiros' }).click();
    await page.getByRole('heading', { name: 'Parceiros' }).waitFor();
    await expectAccessible(page, 'partner list');
    await screenshot(page, '70-backoffice-partners');
    await page.getByRole('link', { name: 'Claro – Recargas (site de demonstração)' }).waitFor();
    await page.getByRole('link', { name: 'Parceiro CLARO' }).first().click();
    await page.getByRole('heading', { name: 'Parceiro Parceiro CLARO' }).waitFor();
    expect(await page.getByTestId('webhook-secret').textContent()).toBe(partner.webhookSecret);

    await page.getByRole('button', { name: 'Emitir token de sandbox' }).click();
    const token = (await page.getByTestId('issued-token').textContent()) ?? '';
    expect(token).toMatch(/^sterp_/);
    expect(await tokenWorks(token)).toBe(true);
    await expectAccessible(page, 'partner detail');
    await screenshot(page, '71-backoffice-partner-token');

    const hint = token.slice(-4);
    await page.getByRole('button', { name: `Trocar token …${hint}` }).click();
    await page.getByTestId('issued-token').filter({ hasNotText: token }).waitFor();
    const rotated = (await page.getByTestId('issued-token').textContent()) ?? '';
    expect(await tokenWorks(token)).toBe(false);
    expect(await tokenWorks(rotated)).toBe(true);

    await page.getByRole('button', { name: `Revogar token …${rotated.slice(-4)}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Revogar token' });
    await expectAccessible(page, 'revoke dialog');
    await dialog.getByRole('button', { name: 'Revogar token' }).click();
    await page
      .getByRole('cell', { name: /Revogado em/ })
      .nth(1)
      .waitFor();
    expect(await tokenWorks(rotated)).toBe(false);

    // A token is never shown again: reopening the screen lists hints only.
    await page.reload();
    await page.getByRole('heading', { name: 'Parceiro Parceiro CLARO' }).waitFor();
    expect(await page.getByTestId('issued-token').count()).toBe(0);
    expect(await page.content()).not.toContain(rotated);

    const audit = page.getByRole('table', { name: 'Alterações do parceiro' });
    const rows = await audit.locator('tbody tr').allTextContents();
    expect(rows.filter((row) => row.includes('Revogado'))).toHaveLength(2);
    expect(rows.filter((row) => row.includes('Emitido'))).toHaveLength(3);
    expect(rows.every((row) => row.includes(STAFF.backOffice))).toBe(true);
  });

  it('refuses a private confirmation URL with the reason, then saves an allowed one', async () => {
    const page = await openAs(rig, STAFF.backOffice, `/backoffice/parceiros/${partner.id}`);
    const url = page.getByLabel('URL de confirmação');
    await url.fill('http://127.0.0.1:9/confirmacoes');
    await page.getByRole('button', { name: 'Salvar URL' }).click();
    await page.getByText('A URL de confirmação deve usar https.').waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');

    vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'true');
    await page.getByRole('button', { name: 'Salvar URL' }).click();
    await page.getByText('URL de confirmação salva.').waitFor();
    await page.getByRole('cell', { name: /confirmationUrl: — → http:\/\/127.0.0.1:9/ }).waitFor();
  });

  it('sets, refuses and clears the partner calls of a hosted-form service', async () => {
    vi.unstubAllEnvs();
    const receita = await createPartner(rig.t, { clientCode: 'RFB' });
    const page = await openAs(rig, STAFF.backOffice, `/backoffice/parceiros/${receita.id}`);
    const service = page.getByRole('form', { name: /^20101 – / });
    const validation = service.getByLabel('URL de validação');
    const submission = service.getByLabel('URL de envio dos dados');
    await validation.fill('https://127.0.0.1/validacao');
    await service.getByRole('button', { name: 'Salvar chamadas' }).click();
    await service.getByText(/aponta para um endereço interno/).waitFor();
    expect(await validation.getAttribute('aria-invalid')).toBe('true');
    expect(await submission.getAttribute('aria-invalid')).toBe('false');
    await expectAccessible(page, 'partner hooks refusal');

    vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'true');
    await validation.fill('http://127.0.0.1:9/validacao');
    await submission.fill('http://127.0.0.1:9/formularios');
    await service.getByRole('button', { name: 'Salvar chamadas' }).click();
    await service.getByText('Chamadas ao parceiro salvas.').waitFor();
    const saved = await rig.t.app.inject({
      method: 'GET',
      url: `/api/v1/backoffice/partners/${receita.id}/services`,
      headers: { authorization: `Bearer ${await rig.t.signIn(STAFF.backOffice)}` },
    });
    const hook = saved
      .json<{ services: { serviceCode: string; validationUrl: string | null }[] }>()
      .services.find((item) => item.serviceCode === '20101');
    expect(hook?.validationUrl).toBe('http://127.0.0.1:9/validacao');
    await screenshot(page, '73-backoffice-partner-hooks');

    await service.getByRole('button', { name: 'Remover chamadas' }).click();
    await service.getByText('Chamadas ao parceiro removidas.').waitFor();
    expect(await validation.inputValue()).toBe('');
    expect(await submission.inputValue()).toBe('');
    await page.reload();
    await page.getByRole('form', { name: /^20101 – / }).waitFor();
    expect(
      await page
        .getByRole('form', { name: /^20101 – / })
        .getByLabel('URL de validação')
        .inputValue(),
    ).toBe('');
    await expectAccessible(page, 'partner hooks');
  });

  it('shows the delivery log with each failed attempt, and replays a delivery', async () => {
    vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'true');
    const sale = await registra(rig.t, partner.token, registraBody(await codigoFor(rig.t)));
    const code = sale.json<{ protocolo: string }>().protocolo;
    const counter = apiAs(rig.t, await rig.t.signIn(STAFF.esmeralda));
    await counter.post(`/api/v1/counter/protocols/${code}/generate`);
    await counter.post(`/api/v1/counter/protocols/${code}/finalise`, counterReference());
    // Nothing listens on port 9: the attempt fails and is logged.
    await createPartnerCallbackWorker(rig.t.ctx, { timeoutMs: 1000 }).deliverDue();

    const page = await openAs(rig, STAFF.backOffice, `/backoffice/parceiros/${partner.id}`);
    await page.getByRole('link', { name: 'Registro de entregas' }).click();
    await page.getByRole('heading', { name: 'Registro de entregas ao parceiro' }).waitFor();
    const row = page.locator('tbody tr', { hasText: code });
    expect(await row.textContent()).toMatch(/Confirmação.*Finalizado.*Pendente.*ECONNREFUSED/);
    await row.getByText('1 tentativa(s)').click();
    expect(await row.locator('li').first().textContent()).toContain('sem resposta');
    await expectAccessible(page, 'delivery log');
    await screenshot(page, '72-backoffice-deliveries');

    await row.getByRole('button', { name: /Reenviar entrega/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `protocolo ${code}` })
      .waitFor();
  });

  it('registers a new partner of a client and opens its screen', async () => {
    const page = await openAs(rig, STAFF.backOffice, '/backoffice/parceiros');
    await page.getByLabel('Cliente').selectOption({ label: 'CTBC – Algar Telecom (CTBC)' });
    await page.getByLabel('Nome do parceiro').fill('Algar – Portal de Recargas');
    await page.getByRole('button', { name: 'Cadastrar parceiro' }).click();
    await page.getByRole('heading', { name: 'Parceiro Algar – Portal de Recargas' }).waitFor();
    expect(
      await page.getByRole('table', { name: 'Alterações do parceiro' }).textContent(),
    ).toContain('Criado');
  });

  it('is not offered to counter staff, and refused if they go there', async () => {
    const page = await openAs(rig, STAFF.esmeralda, '/');
    expect(await page.getByRole('link', { name: /Parceiros/ }).count()).toBe(0);
    await page.goto(`${rig.baseUrl}/backoffice/parceiros`);
    await page.getByRole('alert').filter({ hasText: 'Sem permissão' }).waitFor();
  });
});

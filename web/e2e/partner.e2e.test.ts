import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerCallbackWorker } from '@server/modules/outbox/outbox.worker.ts';
import { expectAccessible, screenshot, signIn } from '@test/browser.ts';
import { STAFF } from '@test/factories.ts';
import { openTopUpSite, startPartnerRig, type PartnerRig } from '@web/e2e/partner-rig.ts';

/**
 * Document flow 1 end to end: the attendant opens the client's site (the demo partner in
 * `demo-partner/`, on its own port) from STER, the site registers the sale through the published
 * `registra` contract, the counter finalises it in Protocolos STER, and the outbox delivers the
 * signed `"00"` confirmation to the site.
 */

let rigs: PartnerRig;
let rig: PartnerRig['rig'];
let site: PartnerRig['site'];
let partner: PartnerRig['partner'];
let backOffice: PartnerRig['backOffice'];

beforeAll(async () => {
  rigs = await startPartnerRig();
  ({ rig, site, partner, backOffice } = rigs);
});

afterAll(async () => {
  await rigs?.close();
});

describe('flow 1: in person, on the client site, confirmed to the partner', () => {
  it('registers on the partner site, finalises at the counter and confirms "00"', async () => {
    const page = await rig.newPage();
    await signIn(page, rig.baseUrl, STAFF.esmeralda);

    const partnerPage = await openTopUpSite(rigs, page);
    await partnerPage.getByRole('heading', { name: 'Recarga de celular' }).waitFor();
    const header = (await partnerPage.locator('main p').first().textContent()) ?? '';
    expect(header).toContain('AC ESMERALDA');
    expect(header).toContain(STAFF.esmeralda);
    await expectAccessible(partnerPage, 'partner sale page');
    await screenshot(partnerPage, '50-partner-sale');

    await partnerPage.getByLabel('Número do celular (com DDD)').fill('(61) 99999-0000');
    expect(await partnerPage.getByLabel('Valor da recarga (R$)').inputValue()).toBe('15,00');
    await partnerPage.getByLabel('CPF do cliente (só números)').fill('12345678909');
    await partnerPage.getByRole('button', { name: 'Registrar venda no STER' }).click();
    await partnerPage.getByRole('heading', { name: 'Venda registrada' }).waitFor();
    const registered = (await partnerPage.getByRole('status').textContent()) ?? '';
    const code = /Protocolo STER (\d{14})/.exec(registered)?.[1] ?? '';
    expect(code, registered).toMatch(/^\d{14}$/);
    await screenshot(partnerPage, '51-partner-registered');
    await partnerPage.close();

    // Back in STER: the protocol waits in the attendant's Protocolos STER.
    await page.bringToFront();
    await page.keyboard.press('Alt+P');
    const radio = page.getByRole('radio', { name: `Protocolo ${code}` });
    await radio.waitFor();
    const row = (await page.locator('tr', { has: radio }).textContent()) ?? '';
    expect(row).toContain('30101');
    expect(row).toContain('Recarga de Celular Claro');
    await radio.check();
    await screenshot(page, '52-partner-pending');
    await page.keyboard.press('F2');

    await page.getByTestId('sale-total').waitFor();
    expect(await page.getByTestId('sale-total').textContent()).toMatch(/R\$\s15,00/);
    await screenshot(page, '53-partner-sale');
    await page.keyboard.press('F9');
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    const text = (await receipt.textContent()) ?? '';
    expect(text).toContain(`Protocolo STER: ${code}`);
    expect(text).toContain('Celular 61999990000');
    await screenshot(page, '54-partner-receipt');

    // The outbox delivers the signed confirmation; the site only lists what it verified.
    const worker = createPartnerCallbackWorker(rig.t.ctx, { timeoutMs: 2000 });
    expect(await worker.deliverDue()).toMatchObject({ attempted: 1, delivered: 1 });
    expect(site.confirmations).toMatchObject([{ numeroProtocolo: code, codigoConfirmacao: '00' }]);
    const confirmations = await rig.context.newPage();
    await confirmations.goto(`${site.url}/confirmacoes`);
    const listed = confirmations.locator('tbody tr', { hasText: code });
    await listed.waitFor();
    const cells = await listed.locator('td').allTextContents();
    expect(cells.slice(1, 3)).toEqual([code, '00']);
    expect(cells[3]).toMatch(/^msg_/);
    await screenshot(confirmations, '55-partner-confirmations');
    const forged = await fetch(`${site.url}/confirmacoes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_forged',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': 'v1,aW52YWxpZA==',
      },
      body: JSON.stringify({ numeroProtocolo: code, codigoConfirmacao: '00' }),
    });
    expect(forged.status).toBe(400);
    expect(site.confirmations).toHaveLength(1);

    const log = await backOffice.get(
      `/api/v1/backoffice/partners/${partner.id}/deliveries?protocol=${code}`,
    );
    expect(log.json<{ deliveries: { status: string }[] }>().deliveries).toMatchObject([
      { status: 'delivered' },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerCallbackWorker } from '@server/modules/outbox/outbox.worker.ts';
import { expectAccessible, screenshot, signIn } from '@test/browser.ts';
import { STAFF } from '@test/factories.ts';
import {
  finaliseAtCounter,
  openTopUpSite,
  startPartnerRig,
  type PartnerRig,
} from '@web/e2e/partner-rig.ts';

/**
 * Document flow 2 end to end: the citizen starts a top-up on the partner's own site (the demo
 * partner), which registers a pre-attendance through the contract and gives the citizen its
 * protocol; at the counter the attendant opens the partner's site from STER, the partner finds
 * the pre-attendance and confirms it (pending at this agency), the counter finalises it and the
 * partner receives its signed "00".
 */

let rigs: PartnerRig;

beforeAll(async () => {
  rigs = await startPartnerRig();
});

afterAll(async () => {
  await rigs?.close();
});

describe('flow 2: pre-attendance on the client site, finished at a counter', () => {
  it('registers at home, is confirmed through the partner site, finalised and confirmed "00"', async () => {
    const { rig, site } = rigs;

    // At home: the citizen, on the partner's site, with no STER in sight.
    const home = await rig.newPage();
    await home.goto(`${site.url}/pre-atendimento`);
    await home.getByRole('heading', { name: 'Recarga com pré-atendimento' }).waitFor();
    await expectAccessible(home, 'partner pre-attendance page');
    await home.getByLabel('Número do celular (com DDD)').fill('(61) 98888-7777');
    await home.getByLabel('Valor da recarga (R$)').fill('15,00');
    await home.getByLabel('Seu CPF (só números)').fill('52998224725');
    await home.getByRole('button', { name: 'Gerar protocolo de pré-atendimento' }).click();
    await home.getByRole('heading', { name: 'Pré-atendimento registrado' }).waitFor();
    const registered = (await home.getByRole('status').textContent()) ?? '';
    const code = /Protocolo (\d{14})/.exec(registered)?.[1] ?? '';
    expect(code, registered).toMatch(/^\d{14}$/);
    expect(registered).toMatch(/até \d{2}\/\d{2}\/\d{4}/);
    await screenshot(home, '60-partner-pre-attendance');
    await home.close();

    // At the counter: the attendant opens the partner's site from STER and finds it.
    const page = await rig.newPage();
    await signIn(page, rig.baseUrl, STAFF.esmeralda);
    const partnerPage = await openTopUpSite(rigs, page);
    await partnerPage.getByLabel('Protocolo de pré-atendimento').fill(code);
    await partnerPage.getByRole('button', { name: 'Consultar pré-atendimento' }).click();
    await partnerPage.getByRole('heading', { name: `Pré-atendimento ${code}` }).waitFor();
    expect(await partnerPage.locator('dl').textContent()).toContain('R$ 15,00');
    await expectAccessible(partnerPage, 'partner pre-attendance confirmation');
    await screenshot(partnerPage, '61-partner-pre-attendance-found');
    await partnerPage.getByRole('button', { name: 'Confirmar pré-atendimento no STER' }).click();
    await partnerPage.getByRole('heading', { name: 'Pré-atendimento confirmado' }).waitFor();
    expect(await partnerPage.getByRole('status').textContent()).toContain(code);
    await partnerPage.close();

    // Back in STER, as in flow 1: Protocolos STER, generate attendance, finalise, receipt.
    const receipt = await finaliseAtCounter(page, code);
    expect(receipt).toContain(`Protocolo STER: ${code}`);
    expect(receipt).toContain('Celular 61988887777');
    expect(receipt).toMatch(/R\$\s15,00/);
    await screenshot(page, '62-partner-pre-attendance-receipt');

    const worker = createPartnerCallbackWorker(rig.t.ctx, { timeoutMs: 2000 });
    expect(await worker.deliverDue()).toMatchObject({ delivered: 1 });
    expect(site.confirmations).toMatchObject([{ numeroProtocolo: code, codigoConfirmacao: '00' }]);
  });

  it('tells the attendant when the pre-attendance is not waiting any more', async () => {
    const { rig } = rigs;
    const page = await rig.newPage();
    await signIn(page, rig.baseUrl, STAFF.esmeralda);
    const partnerPage = await openTopUpSite(rigs, page);
    await partnerPage.getByLabel('Protocolo de pré-atendimento').fill('26000000000017');
    await partnerPage.getByRole('button', { name: 'Consultar pré-atendimento' }).click();
    await partnerPage.getByRole('heading', { name: 'Pré-atendimento indisponível' }).waitFor();
    expect(await partnerPage.getByRole('status').textContent()).toContain('não encontrado');
  });
});

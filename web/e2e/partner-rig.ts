import type { Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { startDemoPartner } from '@demo-partner/server.ts';
import { createPartner, type TestPartner } from '@server/modules/partner/partner.fixtures.ts';
import { startBrowserRig, type BrowserRig } from '@test/browser.ts';
import { apiAs, serviceId, STAFF, type Api } from '@test/factories.ts';

/** STER in a browser beside the demo partner site, wired to each other as `npm start` does. */
export type PartnerRig = {
  rig: BrowserRig;
  site: Awaited<ReturnType<typeof startDemoPartner>>;
  partner: TestPartner;
  backOffice: Api;
  /** A back-office change the shared test client does not send (PATCH, PUT). */
  sendAsBackOffice: (method: 'PATCH' | 'PUT', url: string, payload: object) => Promise<void>;
  close: () => Promise<void>;
};

export async function startPartnerRig(): Promise<PartnerRig> {
  // The demo partner listens on 127.0.0.1: loopback callbacks are allowed, as in development.
  vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'true');
  const rig = await startBrowserRig();
  const partner = await createPartner(rig.t);
  const site = await startDemoPartner({
    sterUrl: rig.baseUrl,
    port: 0,
    token: partner.token,
    webhookSecret: partner.webhookSecret,
  });
  const backOffice = apiAs(rig.t, await rig.t.signIn(STAFF.backOffice));
  const sendAsBackOffice = async (method: 'PATCH' | 'PUT', url: string, payload: object) => {
    const token = await rig.t.signIn(STAFF.backOffice);
    const response = await rig.t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  await sendAsBackOffice('PATCH', `/api/v1/backoffice/partners/${partner.id}`, {
    confirmationUrl: `${site.url}/confirmacoes`,
  });
  // The seeded top-up service points at the demo site's default port; point it at this one.
  const counter = apiAs(rig.t, await rig.t.signIn(STAFF.esmeralda));
  const topUp = await serviceId(counter, 'CLARO', '30101');
  await sendAsBackOffice('PATCH', `/api/v1/backoffice/services/${topUp}`, {
    clientSiteUrl: `${site.url}/venda`,
  });

  return {
    rig,
    site,
    partner,
    backOffice,
    sendAsBackOffice,
    async close() {
      vi.unstubAllEnvs();
      await site.close();
      await rig.close();
    },
  };
}

/** Atendimento → Claro → "Recarga de Celular Claro": the partner's page opens in a new tab. */
export async function openTopUpSite(rigs: PartnerRig, page: Page): Promise<Page> {
  await page.keyboard.press('Alt+A');
  await page.getByRole('textbox', { name: 'Filtrar clientes' }).fill('claro');
  await page.keyboard.press('Enter');
  const service = page.getByRole('button', { name: /30101 Recarga de Celular Claro/ });
  await service.waitFor();
  const [tab] = await Promise.all([rigs.rig.context.waitForEvent('page'), service.click()]);
  await tab.waitForURL((url) => url.href.startsWith(`${rigs.site.url}/venda?codigoCorreios=`));

  return tab;
}

/** Protocolos STER → the protocol → generate attendance (F2) → finalise (F9); the receipt. */
export async function finaliseAtCounter(page: Page, code: string): Promise<string> {
  await page.bringToFront();
  await page.keyboard.press('Alt+P');
  const radio = page.getByRole('radio', { name: `Protocolo ${code}` });
  await radio.waitFor();
  await radio.check();
  await page.keyboard.press('F2');
  await page.getByTestId('sale-total').waitFor();
  await page.keyboard.press('F9');
  const receipt = page.getByTestId('receipt');
  await receipt.waitFor();

  return (await receipt.textContent()) ?? '';
}

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportsModule } from '@server/modules/reports/reports.module.ts';
import {
  expectAccessible,
  openAs,
  screenshot,
  startBrowserRig,
  type BrowserRig,
} from '@test/browser.ts';
import { formatBRL } from '@shared/money.ts';
import { apiAs, CPFS, createPending, finalisePending, serviceId, STAFF } from '@test/factories.ts';

let rig: BrowserRig;
let finalised: string;
let cancelled: string;
let amounts: number[];

beforeAll(async () => {
  rig = await startBrowserRig();
  const api = apiAs(rig.t, await rig.t.signIn(STAFF.esmeralda));
  const cpf = await serviceId(api, 'RFB', '20101');
  finalised = await createPending(api, { serviceId: cpf, document: CPFS[0] });
  await finalisePending(api, finalised);
  cancelled = await createPending(api, { serviceId: cpf, document: CPFS[1] });
  await api.post(`/api/v1/counter/protocols/${cancelled}/cancel`, { reason: 'operatorError' });
  amounts = await Promise.all(
    [finalised, cancelled].map(
      async (code) => (await api.get(`/api/v1/protocols/${code}`)).json().protocol.totalCents,
    ),
  );
});

afterAll(async () => {
  await rig?.close();
});

describe('Relatórios', () => {
  it('shows the agency’s figures as a table and charts, drills down and exports a CSV', async () => {
    const page = await openAs(rig, STAFF.esmeralda);
    await page.keyboard.press('Alt+L');
    await page.getByRole('heading', { name: 'Relatórios' }).waitFor();
    const table = page.getByRole('table', { name: 'Atendimentos por dia' });
    await table.waitFor();
    const totals = table.locator('tfoot tr');
    const [realised = 0, other = 0] = amounts;
    expect(await totals.textContent()).toBe(
      `Total2${formatBRL(realised + other)}1${formatBRL(realised)}`,
    );
    await expect
      .poll(() => page.getByRole('img', { name: /Atendimentos por serviço/ }).count())
      .toBe(1);
    const chart = page.getByRole('img', { name: /Atendimentos por agência/ });
    expect(await chart.locator('desc').textContent()).toContain('AC ESMERALDA (00001001): 2');
    expect(await page.getByRole('combobox', { name: 'Agência' }).count()).toBe(0);
    await expectAccessible(page, 'relatórios');
    await screenshot(page, '60-reports');

    // Grouped by status, the cancelled row drills down to exactly the cancelled protocol.
    await page.getByRole('combobox', { name: 'Agrupar por' }).selectOption('status');
    await page.getByRole('button', { name: 'Gerar relatório' }).click();
    await page.getByRole('table', { name: 'Atendimentos por situação' }).waitFor();
    await page.getByRole('button', { name: 'Ver protocolos de Cancelado' }).click();
    const drill = page.getByRole('table', { name: '1 protocolo(s) listado(s)' });
    await drill.waitFor();
    expect(await drill.textContent()).toContain('***.982.247-**');
    await expectAccessible(page, 'drill-down');

    await page.getByRole('button', { name: 'CSV' }).click();
    await page.getByText(/Gerando CSV/).waitFor();
    await createReportsModule(rig.t.ctx).worker.runDue();
    const link = page.getByRole('link', { name: /Baixar relatorio-/ });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFFProtocolo;Data e hora;')).toBe(true);
    expect(csv).toContain(finalised);
    expect(csv).toContain(cancelled);

    await drill.getByRole('link', { name: cancelled }).click();
    await page.getByRole('heading', { name: new RegExp(cancelled) }).waitFor();
  });

  it('filters by attendant, offering counter staff only their own agency’s', async () => {
    const page = await openAs(rig, STAFF.esmeralda, '/relatorios');
    const attendant = page.getByRole('combobox', { name: 'Atendente' });
    await attendant.waitFor();
    await expect
      .poll(() => attendant.locator('option').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining(STAFF.esmeraldaColleague)]));
    const offered = (await attendant.locator('option').allTextContents()).join('|');
    expect(offered).toContain(STAFF.esmeralda);
    expect(offered).not.toContain(STAFF.goiania);
    const totals = page.getByRole('table', { name: 'Atendimentos por dia' }).locator('tfoot tr');

    await attendant.selectOption({ label: `${STAFF.esmeraldaColleague} – Bruno Carvalho Lima` });
    await page.getByRole('button', { name: 'Gerar relatório' }).click();
    await expect.poll(() => totals.textContent()).toMatch(/^Total0/);
    await attendant.selectOption({ label: `${STAFF.esmeralda} – Ana Paula Ribeiro` });
    await page.getByRole('button', { name: 'Gerar relatório' }).click();
    await expect.poll(() => totals.textContent()).toMatch(/^Total2/);
    await expectAccessible(page, 'relatórios por atendente');
  });

  it('lets back office choose any agency', async () => {
    const page = await openAs(rig, STAFF.backOffice, '/relatorios');
    const agency = page.getByRole('combobox', { name: 'Agência' });
    await agency.waitFor();
    await expect.poll(() => agency.locator('option').count()).toBeGreaterThan(3);
    const attendant = page.getByRole('combobox', { name: 'Atendente' });
    await expect
      .poll(async () => (await attendant.locator('option').allTextContents()).join('|'))
      .toContain(STAFF.goiania);
    await agency.selectOption({ label: 'AC CENTRAL DE GOIANIA (00001003)' });
    await expect
      .poll(async () => (await attendant.locator('option').allTextContents()).join('|'))
      .not.toContain(STAFF.esmeralda);
    expect((await attendant.locator('option').allTextContents()).join('|')).toContain(
      STAFF.goiania,
    );
    await agency.selectOption('');
    await page
      .getByRole('combobox', { name: 'Cliente' })
      .selectOption({ label: 'Receita Federal do Brasil' });
    const service = page.getByRole('combobox', { name: 'Serviço' });
    await service.selectOption({ label: '20101 – CPF – Inscrição' });
    await page.getByRole('button', { name: 'Gerar relatório' }).click();
    const totals = page.getByRole('table', { name: 'Atendimentos por dia' }).locator('tfoot tr');
    await expect.poll(() => totals.textContent()).toMatch(/^Total2/);
    await expectAccessible(page, 'relatórios (retaguarda)');
  });
});

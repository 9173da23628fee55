import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  openAs,
  screenshot,
  startBrowserRig,
  type BrowserRig,
} from '@test/browser.ts';
import { finalisedPrize } from '@server/modules/billing/billing.fixtures.ts';
import { apiAs, createPending, serviceId, STAFF } from '@test/factories.ts';
import { formatDecimal } from '@shared/money.ts';
import { localDate } from '@shared/time.ts';

let rig: BrowserRig;
let prize: string;
let day: string;
const cash: { code: string; cents: number }[] = [];

beforeAll(async () => {
  rig = await startBrowserRig();
  day = localDate(rig.t.clock.now());
  prize = await finalisedPrize(rig.t);
  const counter = apiAs(rig.t, await rig.t.signIn(STAFF.esmeralda));
  for (const entry of ['8001', '8002']) {
    const code = await createPending(counter, {
      serviceId: await serviceId(counter, 'RFB', '20101'),
    });
    const done = await counter.post(`/api/v1/counter/protocols/${code}/finalise`, {
      till: '03',
      entryNumber: entry,
      attendanceNumber: entry,
    });
    expect(done.statusCode).toBe(200);
    cash.push({ code, cents: done.json().receipt.totalCents });
  }
  // The month ends: its statement may be issued.
  rig.t.clock.advanceDays(32);
});

afterAll(async () => {
  await rig?.close();
});

describe('Faturamento', () => {
  it('generates, issues and offers the downloads of a statement', async () => {
    const page = await openAs(rig, STAFF.backOffice, '/ster/faturamento');
    await page
      .getByLabel('Contrato')
      .selectOption({ label: '9912300002 – Brasilcap Capitalização S.A.' });
    await page.getByLabel('Um dia do período').fill(day);
    await page.getByRole('button', { name: 'Gerar extrato' }).click();

    await page.getByRole('heading', { name: /Extrato 9912300002-/ }).waitFor();
    expect(await page.getByTestId('statement-status').textContent()).toContain('Rascunho');
    expect(await page.getByRole('table', { name: 'Linhas do extrato' }).textContent()).toContain(
      prize,
    );
    await expectAccessible(page, 'statement draft');

    await page.getByRole('button', { name: 'Emitir extrato' }).click();
    await page.getByText('Extrato emitido: não pode mais ser alterado').waitFor();
    expect(await page.getByTestId('statement-status').textContent()).toContain('Emitido');
    await expect.poll(() => page.getByRole('button', { name: 'Emitir extrato' }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Envio ao ERP' }).waitFor();
    const csv = await page.getByRole('link', { name: 'Baixar CSV' }).getAttribute('href');
    const download = await page.request.get(`${rig.baseUrl}${csv}`);
    expect(download.headers()['content-type']).toMatch(/^text\/csv/);
    expect(await download.text()).toContain(prize);
    await expectAccessible(page, 'statement issued');
    await screenshot(page, 'billing-statement-issued');
  });
});

describe('Conciliação', () => {
  it('imports the day file, lists each difference and keeps it until explained', async () => {
    const [first, second] = cash as [(typeof cash)[0], (typeof cash)[0]];
    const page = await openAs(rig, STAFF.esmeraldaSupervisor, '/ster/conciliacao');
    await page.getByLabel('Dia do movimento').fill(day);
    await page
      .getByLabel('Conteúdo do arquivo')
      .fill(
        [
          'caixa;lancamento;atendimento;valor',
          `03;8001;8001;${formatDecimal(first.cents)}`,
          `03;8002;8002;${formatDecimal(second.cents + 50)}`,
          '03;8999;8999;7,00',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Importar e comparar' }).click();
    // The invoiced prize payment settled at this counter today is missing from the file too.
    await page.getByText('Arquivo importado: 3 diferença(s) encontrada(s).').waitFor();
    const absent = page.getByRole('listitem', { name: /^Finalizado no STER, ausente no balcão/ });
    expect(await absent.textContent()).toContain(prize);

    const wrong = page.getByRole('listitem', { name: /^Valores diferentes/ });
    await wrong.waitFor();
    expect(await wrong.textContent()).toContain(second.code);
    await page
      .getByRole('listitem', { name: /^No arquivo, desconhecido no STER: .*lançamento 8999/ })
      .waitFor();
    await expectAccessible(page, 'reconciliation');

    await wrong.getByRole('textbox').fill('Cliente pagou R$ 0,50 a mais; devolvido.');
    await wrong.getByLabel('Situação depois da nota').selectOption('explained');
    await wrong.getByRole('button', { name: 'Anotar' }).click();
    await expect
      .poll(() => page.getByRole('listitem', { name: /^Valores diferentes/ }).count())
      .toBe(0);

    await page.getByLabel('Mostrar').selectOption('explained');
    const explained = page.getByRole('listitem', { name: /^Valores diferentes/ });
    await explained.waitFor();
    expect(await explained.textContent()).toContain('83270001');
    await screenshot(page, 'reconciliation-differences');
  });

  it("shows an attendant of another agency none of this agency's differences", async () => {
    const page = await openAs(rig, STAFF.aguaSanta, '/ster/conciliacao');
    await page.getByText('Nenhuma diferença nesta situação.').waitFor();
    expect(await page.getByRole('button', { name: 'Importar e comparar' }).count()).toBe(0);
  });
});

describe('Fechamento do caixa', () => {
  it("totals the supervisor's agency's cash day and closes it once", async () => {
    const page = await openAs(rig, STAFF.esmeraldaSupervisor, '/ster/fechamento');
    await page.getByLabel('Dia do movimento').fill(day);
    await page.getByRole('button', { name: 'Ver movimento' }).click();
    const net = cash.reduce((total, sale) => total + sale.cents, 0);
    await expect
      .poll(() => page.getByTestId('day-net').textContent())
      .toContain(formatDecimal(net));
    await expectAccessible(page, 'day close');

    await page.getByRole('button', { name: 'Fechar o dia' }).click();
    await page.getByText(/Dia fechado por 83270001 Carla Menezes/).waitFor();
    expect(await page.getByRole('button', { name: 'Fechar o dia' }).count()).toBe(0);
  });
});

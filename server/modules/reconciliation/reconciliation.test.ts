import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backOfficeOf,
  BRASILCAP_INVOICED,
  contractId,
  counterAs,
  finalisedPrize,
  generate,
  issue,
} from '@server/modules/billing/billing.fixtures.ts';
import { createPending, serviceId, STAFF, type Api } from '@test/factories.ts';
import { TestClock } from '@test/clock.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';
import { formatDecimal } from '@shared/money.ts';

let t: TestApp;
const clock = new TestClock(new Date('2026-11-03T13:00:00Z'));
const DAY = '2026-11-03';
const HEADER = 'caixa;lancamento;atendimento;valor';
const sold: { code: string; entry: string; cents: number }[] = [];

type Difference = {
  id: string;
  kind: string;
  status: string;
  protocolCode: string | null;
  reference: string;
  sterCents: number | null;
  reportedCents: number | null;
  agencyCode: string | null;
  notes: { note: string; resolution: string | null; authorLabel: string }[];
};

async function cashSale(counter: Api, entry: string) {
  const code = await createPending(counter, {
    serviceId: await serviceId(counter, 'RFB', '20101'),
  });
  const done = await counter.post(`/api/v1/counter/protocols/${code}/finalise`, {
    till: '07',
    entryNumber: entry,
    attendanceNumber: entry.slice(-1),
  });
  expect(done.statusCode).toBe(200);
  const row = await t.ctx.db
    .selectFrom('protocols')
    .select('totalCents')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();

  return { code, entry, cents: Number(row.totalCents) };
}

const line = (entry: string, cents: number) =>
  `07;${entry};${entry.slice(-1)};${formatDecimal(cents)}`;

async function esmeraldaAgencyId(): Promise<string> {
  const agency = await t.ctx.db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', '00001001')
    .executeTakeFirstOrThrow();

  return agency.id;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const counter = await counterAs(t);
  for (const entry of ['5001', '5002', '5003']) {
    sold.push(await cashSale(counter, entry));
  }
  clock.advance(8 * 60 * 60 * 1000); // 18:00 in São Paulo, the same day
});

afterAll(async () => {
  await t?.close();
});

describe('counter day file', () => {
  const [first, second, third] = [0, 1, 2];
  let file: string;
  let differences: Difference[];

  it('reports one missing, one extra and one wrong amount, exactly so', async () => {
    const supervisor = await counterAs(t, STAFF.esmeraldaSupervisor);
    file = [
      HEADER,
      line(sold[first]!.entry, sold[first]!.cents),
      line(sold[second]!.entry, sold[second]!.cents + 100),
      line('9999', 1000),
    ].join('\r\n');
    const response = await supervisor.post('/api/v1/reconciliation/counter-files', {
      date: DAY,
      content: `\uFEFF${file}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    differences = response.json<{ differences: Difference[] }>().differences;

    const summary = differences
      .map((d) => [d.kind, d.protocolCode, d.sterCents, d.reportedCents])
      .sort();
    expect(summary).toEqual(
      [
        ['absentAtCounter', sold[third]!.code, sold[third]!.cents, null],
        ['amountDiffers', sold[second]!.code, sold[second]!.cents, sold[second]!.cents + 100],
        ['unknownInSter', null, null, 1000],
      ].sort(),
    );
    expect(differences.every((d) => d.status === 'open' && d.agencyCode === '00001001')).toBe(true);
    expect(differences.find((d) => d.kind === 'unknownInSter')?.reference).toContain(
      'lançamento 9999',
    );
  });

  it('gives the same import, not doubled differences, for the same file again', async () => {
    const supervisor = await counterAs(t, STAFF.esmeraldaSupervisor);
    const again = await supervisor.post('/api/v1/reconciliation/counter-files', {
      date: DAY,
      content: file,
    });

    expect(again.json()).toMatchObject({ replayed: true });
    const listed = await supervisor.get('/api/v1/reconciliation/differences');
    expect(listed.json<{ differences: Difference[] }>().differences).toHaveLength(3);
  });

  it('shows an agency its own differences only', async () => {
    const esmeralda = await counterAs(t, STAFF.esmeralda);
    const aguaSanta = await counterAs(t, STAFF.aguaSanta);
    const backOffice = await backOfficeOf(t);

    expect(
      (await esmeralda.get('/api/v1/reconciliation/differences')).json().differences,
    ).toHaveLength(3);
    expect((await aguaSanta.get('/api/v1/reconciliation/differences')).json().differences).toEqual(
      [],
    );
    expect(
      (await backOffice.get('/api/v1/reconciliation/differences')).json().differences,
    ).toHaveLength(3);
    const note = await aguaSanta.post(
      `/api/v1/reconciliation/differences/${differences[0]!.id}/notes`,
      { note: 'Não é meu' },
    );
    expect(note.statusCode).toBe(403);
  });

  it('keeps a difference open until a signed note explains it', async () => {
    const supervisor = await counterAs(t, STAFF.esmeraldaSupervisor);
    const target = differences.find((d) => d.kind === 'amountDiffers')!;
    const url = `/api/v1/reconciliation/differences/${target.id}/notes`;

    const noted = await supervisor.post(url, { note: 'Conferindo com o caixa 07.' });
    expect(noted.json().difference).toMatchObject({ status: 'open' });
    const explained = await supervisor.post(url, {
      note: 'Troco de R$ 1,00 digitado a mais no SARA.',
      resolution: 'explained',
    });
    expect(explained.statusCode).toBe(200);
    expect(explained.json().difference).toMatchObject({
      status: 'explained',
      notes: [
        expect.objectContaining({ resolution: null }),
        expect.objectContaining({
          resolution: 'explained',
          authorLabel: expect.stringContaining('83270001'),
        }),
      ],
    });
    const open = await supervisor.get('/api/v1/reconciliation/differences?status=open');
    expect(
      open
        .json<{ differences: Difference[] }>()
        .differences.map((d) => d.kind)
        .sort(),
    ).toEqual(['absentAtCounter', 'unknownInSter']);
  });

  it('refuses a bad file whole, naming the line and the field', async () => {
    const supervisor = await counterAs(t, STAFF.esmeraldaSupervisor);
    const badHeader = await supervisor.post('/api/v1/reconciliation/counter-files', {
      date: DAY,
      content: 'till;entry;attendance;amount\n07;1;1;1,00',
    });
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ field: 'body.content', code: 'header' })],
    });

    const badAmount = await supervisor.post('/api/v1/reconciliation/counter-files', {
      date: '2026-11-02',
      content: `${HEADER}\n07;1;1;1,00\n07;2;2;doze`,
    });
    expect(badAmount.statusCode).toBe(400);
    expect(badAmount.json().error.fields).toEqual([
      expect.objectContaining({
        field: 'body.content',
        code: 'amount',
        message: expect.stringContaining('Linha 3'),
      }),
    ]);
    const imports = await t.ctx.db.selectFrom('reconciliationImports').select('id').execute();
    expect(imports).toHaveLength(1);
  });

  it("refuses attendants, another agency's file and a future day", async () => {
    const attendant = await counterAs(t, STAFF.esmeralda);
    const byAttendant = await attendant.post('/api/v1/reconciliation/counter-files', {
      date: DAY,
      content: HEADER,
    });
    expect(byAttendant.statusCode).toBe(403);
    expect(byAttendant.json().error.code).toBe('FORBIDDEN');

    const supervisor = await counterAs(t, STAFF.esmeraldaSupervisor);
    const other = await t.ctx.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', '00001002')
      .executeTakeFirstOrThrow();
    const elsewhere = await supervisor.post('/api/v1/reconciliation/counter-files', {
      agencyId: other.id,
      date: DAY,
      content: HEADER,
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.fields[0].field).toBe('body.agencyId');

    const future = await supervisor.post('/api/v1/reconciliation/counter-files', {
      date: '2026-11-04',
      content: HEADER,
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.fields[0]).toMatchObject({ field: 'body.date', code: 'future' });
  });
});

describe('cash day close', () => {
  it("totals the day's cash attendances per attendant and till, and closes the day once", async () => {
    const supervisor = await counterAs(t, STAFF.esmeraldaSupervisor);
    const summary = await supervisor.get(`/api/v1/day-close?date=${DAY}`);
    expect(summary.statusCode).toBe(200);
    const total = sold.reduce((sum, sale) => sum + sale.cents, 0);
    expect(summary.json()).toMatchObject({
      rows: [{ registration: STAFF.esmeralda, till: '07', count: 3, totalCents: total }],
      totals: { count: 3, totalCents: total, netCents: total },
      closed: null,
    });

    const closed = await supervisor.post('/api/v1/day-close', { date: DAY });
    expect(closed.statusCode).toBe(201);
    expect(closed.json().closed).toMatchObject({ attendanceCount: 3, totalCents: total });
    const twice = await supervisor.post('/api/v1/day-close', { date: DAY });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({
      code: 'CONFLICT',
      fields: [expect.objectContaining({ field: 'body.date' })],
    });
  });

  it('is for supervisors of the agency and back office, who must name the agency', async () => {
    const attendant = await counterAs(t, STAFF.esmeralda);
    expect((await attendant.get(`/api/v1/day-close?date=${DAY}`)).statusCode).toBe(403);

    const backOffice = await backOfficeOf(t);
    const unnamed = await backOffice.get(`/api/v1/day-close?date=${DAY}`);
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.fields[0].field).toBe('query.agencyId');
    const named = await backOffice.get(
      `/api/v1/day-close?date=${DAY}&agencyId=${await esmeraldaAgencyId()}`,
    );
    expect(named.json().totals.count).toBe(3);
  });
});

describe('ERP acknowledgement file', () => {
  it('reports billed twice, billed never and a wrong amount against issued statements', async () => {
    const [a, b, d] = [await finalisedPrize(t), await finalisedPrize(t), await finalisedPrize(t)];
    clock.advanceDays(28);
    const backOffice = await backOfficeOf(t);
    const statement = await issue(
      backOffice,
      (await generate(backOffice, await contractId(backOffice, BRASILCAP_INVOICED))).id,
    );
    const content = [
      'extrato;protocolo;valor',
      `${statement.number};${a};4,50`,
      `${statement.number};${b};5,00`,
      `9912300002-202610-01;${a};4,50`,
    ].join('\n');
    const response = await backOffice.post('/api/v1/reconciliation/erp-files', { content });
    expect(response.statusCode, response.body).toBe(200);

    const found = response
      .json<{ differences: Difference[] }>()
      .differences.map((x) => [x.kind, x.protocolCode, x.sterCents, x.reportedCents])
      .sort();
    expect(found).toEqual(
      [
        ['amountDiffers', b, 450, 500],
        ['billedNever', d, 450, null],
        ['billedTwice', a, null, 900],
        ['unknownInSter', a, null, 450],
      ].sort(),
    );
  });

  it('is back office only', async () => {
    const supervisor = await counterAs(t, STAFF.esmeraldaSupervisor);
    const refused = await supervisor.post('/api/v1/reconciliation/erp-files', {
      content: 'extrato;protocolo;valor',
    });

    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });
});

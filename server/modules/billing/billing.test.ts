import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@server/app.ts';
import {
  backOfficeOf,
  BRASILCAP_INVOICED,
  codesOn,
  contractId,
  counterAs,
  DETRAN,
  finalisedPrize,
  generate,
  issue,
  reverse,
  sandboxInvoicedSale,
  virtualLicensing,
  type StatementBody,
} from '@server/modules/billing/billing.fixtures.ts';
import { apiAs, counterReference, createPending, serviceId, STAFF } from '@test/factories.ts';
import { TestClock } from '@test/clock.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

let t: TestApp;
const clock = new TestClock(new Date('2026-11-03T13:00:00Z'));
const november = {
  billed: '',
  reversedBefore: '',
  reversedAfter: '',
  virtual: '',
  cash: '',
};
let sandbox: { code: string; contractNumber: string };

beforeAll(async () => {
  t = await createTestApp({ clock });
  november.billed = await finalisedPrize(t);
  november.reversedBefore = await finalisedPrize(t);
  november.reversedAfter = await finalisedPrize(t);
  await reverse(t, november.reversedBefore);
  november.virtual = await virtualLicensing(t);
  const counter = await counterAs(t);
  november.cash = await createPending(counter, {
    serviceId: await serviceId(counter, 'RFB', '20101'),
  });
  const finalised = await counter.post(
    `/api/v1/counter/protocols/${november.cash}/finalise`,
    counterReference(),
  );
  expect(finalised.statusCode).toBe(200);
  sandbox = await sandboxInvoicedSale(t);
  clock.advanceDays(28); // 1 December 2026, 10:00 in São Paulo
});

afterAll(async () => {
  await t?.close();
});

describe('statements of a month', () => {
  let statement: StatementBody;

  it('lists every finalised invoiced protocol once, and nothing reversed, cash or sandbox', async () => {
    const backOffice = await backOfficeOf(t);
    const contract = await contractId(backOffice, BRASILCAP_INVOICED);
    statement = await generate(backOffice, contract);

    expect(statement).toMatchObject({ status: 'draft', periodStart: '2026-11-01' });
    expect(codesOn(statement)).toEqual({
      charged: [november.billed, november.reversedAfter].sort(),
      credited: [],
    });
    expect(statement.totalCents).toBe(900);
    expect(statement.totalsByService).toEqual([
      expect.objectContaining({ serviceCode: '10102', protocolCount: 2, totalCents: 900 }),
    ]);
  });

  it('gives the same statement when regenerated', async () => {
    const backOffice = await backOfficeOf(t);
    const again = await generate(backOffice, await contractId(backOffice, BRASILCAP_INVOICED));

    expect(again.id).toBe(statement.id);
    expect(again.contentHash).toBe(statement.contentHash);
    expect(again.lines).toEqual(statement.lines);
  });

  it('bills virtual attendances, and never a sandbox protocol', async () => {
    const backOffice = await backOfficeOf(t);
    const detran = await generate(backOffice, await contractId(backOffice, DETRAN));
    expect(codesOn(detran).charged).toEqual([november.virtual]);
    expect(detran.lines[0]).toMatchObject({ itemKind: 'service', totalCents: 890 });

    const sandboxStatement = await generate(
      backOffice,
      await contractId(backOffice, sandbox.contractNumber),
    );
    expect(sandboxStatement.lines).toEqual([]);
    const everyLine = await t.ctx.db
      .selectFrom('statementLines')
      .select('protocolCode')
      .where('protocolCode', '=', sandbox.code)
      .execute();
    expect(everyLine).toEqual([]);
  });

  it('issues it frozen: the database refuses any change to it or a second billing', async () => {
    const backOffice = await backOfficeOf(t);
    const issued = await issue(backOffice, statement.id);
    expect(issued).toMatchObject({ status: 'issued', contentHash: statement.contentHash });

    await expect(
      sql`update statements set total_cents = 0 where id = ${statement.id}`.execute(t.ctx.db),
    ).rejects.toThrow(/issued/);
    await expect(
      sql`delete from statement_lines where statement_id = ${statement.id}`.execute(t.ctx.db),
    ).rejects.toThrow(/issued/);
    await expect(
      sql`insert into billed_protocols (protocol_id, kind, statement_id, total_cents)
        select protocol_id, 'charge', ${statement.id}, 1 from statement_lines
        where statement_id = ${statement.id} limit 1`.execute(t.ctx.db),
    ).rejects.toThrow(/duplicate key|unique/);
  });

  it('refuses to issue a period that has not ended, naming the statement', async () => {
    const backOffice = await backOfficeOf(t);
    const december = await generate(
      backOffice,
      await contractId(backOffice, BRASILCAP_INVOICED),
      '2026-12-10',
    );
    const refused = await backOffice.post(`/api/v1/billing/statements/${december.id}/issue`);

    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'RULE_VIOLATED',
      fields: [expect.objectContaining({ field: 'params.id', code: 'periodOpen' })],
    });
  });

  it("credits a reversal after issue in the contract's next statement", async () => {
    await reverse(t, november.reversedAfter);
    clock.advanceDays(31); // 1 January 2027
    const backOffice = await backOfficeOf(t);
    const contract = await contractId(backOffice, BRASILCAP_INVOICED);
    const december = await issue(backOffice, (await generate(backOffice, contract)).id);

    expect(december.periodStart).toBe('2026-12-01');
    expect(codesOn(december)).toEqual({ charged: [], credited: [november.reversedAfter] });
    expect(december).toMatchObject({ chargeCents: 0, creditCents: -450, totalCents: -450 });

    const csv = await backOffice.get(`/api/v1/billing/statements/${december.id}/statement.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.startsWith('\uFEFFExtrato;Linha;Tipo;Protocolo;')).toBe(true);
    expect(csv.body).toContain(`;Crédito;${november.reversedAfter};10102;`);
    expect(csv.body).toMatch(/;1;4,50;-4,50\r\n$/);
  });
});

describe('billing exactly once under concurrent runs', () => {
  it('charges each protocol once whatever runs at the same time, on two servers', async () => {
    const january = [await finalisedPrize(t), await finalisedPrize(t)];
    clock.advanceDays(31); // 1 February 2027
    const second = await buildApp(t.ctx, { logger: false });
    const backOffice = await backOfficeOf(t);
    const contract = await contractId(backOffice, BRASILCAP_INVOICED);
    const draft = await generate(backOffice, contract);
    const token = await t.signIn(STAFF.backOffice);
    const onSecond = (url: string) =>
      second.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` } });
    const issueUrl = `/api/v1/billing/statements/${draft.id}/issue`;

    const [answers, jobs] = await Promise.all([
      Promise.all([
        backOffice.post(issueUrl),
        onSecond(issueUrl),
        t.app.inject({
          method: 'POST',
          url: issueUrl,
          headers: { authorization: `Bearer ${token}` },
        }),
      ]),
      Promise.all([issueDueOf(t), issueDueOf(t)]),
    ]);
    await second.close();

    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.json().contentHash)).size).toBe(1);
    // Each contract's January is issued by exactly one of the runs.
    const issuedJanuary = await t.ctx.db
      .selectFrom('statements')
      .select(['contractId'])
      .where('periodStart', '=', '2027-01-01')
      .where('status', '=', 'issued')
      .execute();
    expect(jobs[0].issued + jobs[1].issued).toBeLessThanOrEqual(issuedJanuary.length);
    expect(new Set(issuedJanuary.map((row) => row.contractId)).size).toBe(issuedJanuary.length);
    const charges = await t.ctx.db
      .selectFrom('statementLines')
      .select(['protocolCode', (eb) => eb.fn.count<number>('statementId').distinct().as('n')])
      .where('kind', '=', 'charge')
      .where('itemKind', '=', 'service')
      .groupBy('protocolCode')
      .execute();
    expect(charges.filter((row) => Number(row.n) > 1)).toEqual([]);
    const billed = await t.ctx.db.selectFrom('billedProtocols').selectAll().execute();
    for (const code of january) {
      const lines = await t.ctx.db
        .selectFrom('statementLines')
        .innerJoin('statements', 'statements.id', 'statementLines.statementId')
        .select('statements.status')
        .where('protocolCode', '=', code)
        .execute();
      expect(lines.map((line) => line.status)).toEqual(['issued']);
    }
    expect(billed.length).toBe(new Set(billed.map((row) => `${row.protocolId}${row.kind}`)).size);
  });
});

describe('statement rejections', () => {
  it('is back office only', async () => {
    const counter = await counterAs(t, STAFF.esmeraldaSupervisor);
    const refused = await counter.get('/api/v1/billing/statements');

    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it('names the field of an unknown contract or an impossible day', async () => {
    const backOffice = await backOfficeOf(t);
    const unknown = await backOffice.post('/api/v1/billing/statements', {
      contractId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.fields[0]).toMatchObject({ field: 'body.contractId' });

    const contract = await contractId(backOffice, BRASILCAP_INVOICED);
    const badDay = await backOffice.post('/api/v1/billing/statements', {
      contractId: contract,
      day: '2026-02-30',
    });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().error.code).toBe('VALIDATION_FAILED');
    expect(badDay.json().error.fields[0].field).toBe('body.day');
  });

  it('answers 404 for a statement that does not exist', async () => {
    const backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
    const missing = await backOffice.post(
      '/api/v1/billing/statements/00000000-0000-4000-8000-000000000000/issue',
    );

    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });
});

async function issueDueOf(app: TestApp) {
  const { createBillingModule } = await import('@server/modules/billing/billing.module.ts');

  return createBillingModule(app.ctx).issueDue();
}

describe('billing period per contract', () => {
  it('bills a fortnightly contract by halves of the month', async () => {
    const backOffice = await backOfficeOf(t);
    const contract = await contractId(backOffice, DETRAN);
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/billing/contracts/${contract}`,
      headers: { authorization: `Bearer ${await t.signIn(STAFF.backOffice)}` },
      payload: { billingPeriod: 'fortnightly' },
    });
    expect(changed.statusCode).toBe(200);

    const second = await generate(backOffice, contract, '2027-02-20');
    expect(second).toMatchObject({ periodStart: '2027-02-16', periodEnd: '2027-02-28' });
  });

  it('refuses an unknown periodicity, naming the field', async () => {
    const backOffice = await backOfficeOf(t);
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/billing/contracts/${await contractId(backOffice, DETRAN)}`,
      headers: { authorization: `Bearer ${await t.signIn(STAFF.backOffice)}` },
      payload: { billingPeriod: 'weekly' },
    });

    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    expect(refused.json().error.fields[0].field).toMatch(/^body\.billingPeriod/);
  });
});

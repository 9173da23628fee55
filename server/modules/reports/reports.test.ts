import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  CPFS,
  createPending,
  createVirtual,
  finalisePending,
  prizeAttendanceBody,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';
import { TestClock } from '@test/clock.ts';

type Row = {
  key: string;
  label: string;
  attendances: number;
  amountCents: number;
  finalisedAttendances: number;
  finalisedAmountCents: number;
};
type Report = { totals: Omit<Row, 'key' | 'label'>; rows: Row[]; agency: { id: string } | null };

/** 10:00 in São Paulo on 1 March 2027: far from any demo data. */
const START = new Date('2027-03-01T13:00:00Z');
const PERIOD = 'from=2027-03-01&to=2027-03-03';

describe('GET /api/v1/reports/attendances', () => {
  let t: TestApp;
  let esmeralda: Api;
  let goiania: Api;
  let backOffice: Api;
  let esmeraldaId: string;
  let goianiaId: string;
  let prizeService: string;
  let prizeCode: string;
  /** What the test did, protocol by protocol: the oracle the reports are checked against. */
  const made: { code: string; day: string; agency: string; status: string; cents: number }[] = [];

  const amountOf = async (api: Api, code: string) =>
    (await api.get(`/api/v1/protocols/${code}`)).json<{ protocol: { totalCents: number } }>()
      .protocol.totalCents;
  const record = async (api: Api, code: string, day: string, agency: string, status: string) => {
    made.push({ code, day, agency, status, cents: await amountOf(api, code) });
  };
  const fold = () => sql`select report_fold(100000)`.execute(t.ctx.db);
  const report = async (api: Api, query: string) => {
    const response = await api.get(`/api/v1/reports/attendances?${PERIOD}&${query}`);
    expect(response.statusCode, response.body).toBe(200);

    return response.json<Report>();
  };
  const expected = (keep: (p: (typeof made)[number]) => boolean) => {
    const chosen = made.filter(keep);
    const finalised = chosen.filter((p) => p.status === 'finalised');

    return {
      attendances: chosen.length,
      amountCents: chosen.reduce((sum, p) => sum + p.cents, 0),
      finalisedAttendances: finalised.length,
      finalisedAmountCents: finalised.reduce((sum, p) => sum + p.cents, 0),
    };
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock(START) });
    esmeralda = apiAs(t, await t.signIn(STAFF.esmeralda));
    goiania = apiAs(t, await t.signIn(STAFF.goiania));
    backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
    const cpf = await serviceId(esmeralda, 'RFB', '20101');
    const prize = await serviceId(esmeralda, 'BRASILCAP', '10102');
    prizeService = prize;
    const licensing = await serviceId(esmeralda, 'DETRANGO', '50101');
    const agencies = await sql<{
      id: string;
      code: string;
    }>`select id, code from agencies`.execute(t.ctx.db);
    esmeraldaId = agencies.rows.find((a) => a.code === '00001001')?.id ?? '';
    goianiaId = agencies.rows.find((a) => a.code === '00001003')?.id ?? '';

    // Day 1: finalised, cancelled, an invoiced prize payment, a virtual one, and Goiânia's.
    const a = await createPending(esmeralda, { serviceId: cpf, document: CPFS[0] });
    await finalisePending(esmeralda, a);
    await record(esmeralda, a, '2027-03-01', 'esmeralda', 'finalised');
    const b = await createPending(esmeralda, { serviceId: cpf, document: CPFS[1] });
    const cancelled = await esmeralda.post(`/api/v1/counter/protocols/${b}/cancel`, {
      reason: 'citizenGaveUp',
    });
    expect(cancelled.statusCode).toBe(200);
    await record(esmeralda, b, '2027-03-01', 'esmeralda', 'cancelled');
    await fold(); // half the figures folded, half still deltas: readers add both
    const prizeCreated = await esmeralda.post(
      '/api/v1/attendances/in-person',
      prizeAttendanceBody(prize),
    );
    expect(prizeCreated.statusCode, prizeCreated.body).toBe(201);
    const c = prizeCreated.json<{ protocol: { code: string } }>().protocol.code;
    await finalisePending(esmeralda, c);
    await record(esmeralda, c, '2027-03-01', 'esmeralda', 'finalised');
    prizeCode = c;
    const d = await createPending(goiania, { serviceId: cpf, document: CPFS[2] });
    await finalisePending(goiania, d);
    await record(goiania, d, '2027-03-01', 'goiania', 'finalised');
    const pending = await createPending(goiania, { serviceId: cpf, document: CPFS[3] });
    await record(goiania, pending, '2027-03-01', 'goiania', 'pending');
    const e = await createVirtual(esmeralda, licensing);
    await record(esmeralda, e, '2027-03-01', 'none', 'finalised'); // virtual: no agency

    // Day 2: one finalised and reversed after a fold, and one at 23:30 São Paulo (02:30 UTC).
    t.clock.advanceDays(1);
    esmeralda = apiAs(t, await t.signIn(STAFF.esmeralda));
    const f = await createPending(esmeralda, { serviceId: cpf, document: CPFS[0] });
    await finalisePending(esmeralda, f);
    await fold();
    const reversed = await esmeralda.post(`/api/v1/counter/protocols/${f}/reverse`, {
      reason: 'Cobrança em duplicidade',
    });
    expect(reversed.statusCode, reversed.body).toBe(200);
    await record(esmeralda, f, '2027-03-02', 'esmeralda', 'reversed');
    t.clock.advance(13.5 * 60 * 60 * 1000);
    esmeralda = apiAs(t, await t.signIn(STAFF.esmeralda));
    backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
    const g = await createPending(esmeralda, { serviceId: cpf, document: CPFS[1] });
    await finalisePending(esmeralda, g);
    await record(esmeralda, g, '2027-03-02', 'esmeralda', 'finalised');
  });
  afterAll(() => t.close());

  it('gives back office every agency’s totals, matching the protocols one by one', async () => {
    const all = await report(backOffice, 'groupBy=day');

    expect(all.totals).toEqual(expected(() => true));
    expect(all.rows.map((row) => row.key)).toEqual(['2027-03-01', '2027-03-02', '2027-03-03']);
    expect(all.rows[0]).toMatchObject({
      label: '01/03/2027',
      ...expected((p) => p.day === '2027-03-01'),
    });
    expect(all.rows[1]).toMatchObject(expected((p) => p.day === '2027-03-02'));
    expect(all.rows[2]).toMatchObject({ attendances: 0, amountCents: 0 });
  });

  it('counts a reversal and a cancellation under their own status, not as realised', async () => {
    const byStatus = await report(backOffice, 'groupBy=status');
    const of = (key: string) => byStatus.rows.find((row) => row.key === key);

    expect(of('reversed')).toMatchObject({
      label: 'Estornado',
      ...expected((p) => p.status === 'reversed'),
    });
    expect(of('cancelled')).toMatchObject(expected((p) => p.status === 'cancelled'));
    expect(of('reversed')?.finalisedAttendances).toBe(0);
    expect(byStatus.totals.finalisedAttendances).toBe(
      made.filter((p) => p.status === 'finalised').length,
    );
  });

  it('takes amounts from the protocols’ captured price lines', async () => {
    const lines = await sql<{ cents: string | number }>`
      select coalesce(sum(l.total_cents), 0) as cents from protocol_lines l
      join protocols p on p.id = l.protocol_id where p.code = any(${made.map((p) => p.code)})`.execute(
      t.ctx.db,
    );
    const all = await report(backOffice, 'groupBy=agency');

    expect(all.totals.amountCents).toBe(Number(lines.rows[0]?.cents));
    expect(all.totals.amountCents).toBeGreaterThan(0);
  });

  it('filters by agency, modality and status, and groups per agency and per attendant', async () => {
    const perAgency = await report(backOffice, 'groupBy=agency');
    const goianiaRow = perAgency.rows.find((row) => row.key === goianiaId);
    expect(goianiaRow).toMatchObject({
      label: 'AC CENTRAL DE GOIANIA (00001003)',
      ...expected((p) => p.agency === 'goiania'),
    });

    expect(perAgency.rows.find((row) => row.key === 'none')).toMatchObject({
      label: 'Sem agência (internet)',
      ...expected((p) => p.agency === 'none'),
    });

    const invoiced = await report(backOffice, `modality=invoiced&agencyId=${esmeraldaId}`);
    expect(invoiced.totals.attendances).toBeGreaterThanOrEqual(1);
    const prizes = await report(backOffice, `serviceId=${prizeService}&groupBy=client`);
    expect(prizes.totals).toEqual(expected((p) => p.code === prizeCode));
    expect(prizes.rows.map((row) => row.label)).toEqual(['Brasilcap Capitalização S.A.']);
    const brasilcap = await report(backOffice, `clientId=${prizes.rows[0]?.key}`);
    expect(brasilcap.totals).toEqual(prizes.totals);

    const cancelled = await report(backOffice, 'status=cancelled');
    expect(cancelled.totals).toEqual(expected((p) => p.status === 'cancelled'));

    const perAttendant = await report(backOffice, `groupBy=attendant&agencyId=${goianiaId}`);
    expect(perAttendant.rows).toHaveLength(1);
    expect(perAttendant.rows[0]?.label).toMatch(/^82345678 – /);
    expect(perAttendant.totals).toEqual(expected((p) => p.agency === 'goiania'));
  });

  it('shows an attendant their own agency only, and refuses another agency with 403', async () => {
    const own = await report(esmeralda, 'groupBy=day');
    expect(own.agency?.id).toBe(esmeraldaId);
    expect(own.totals).toEqual(expected((p) => p.agency === 'esmeralda'));

    const other = await esmeralda.get(
      `/api/v1/reports/attendances?${PERIOD}&agencyId=${goianiaId}`,
    );
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN');
    expect(other.json().error.fields[0].field).toBe('query.agencyId');
  });

  it('offers counter staff the attendants of their own agency only, and back office all', async () => {
    const labelsOf = async (api: Api, query = '') => {
      const response = await api.get(`/api/v1/reports/attendants${query}`);
      expect(response.statusCode, response.body).toBe(200);

      return response.json<{ attendants: { label: string }[] }>().attendants.map((a) => a.label);
    };
    const registrations = (labels: string[]) => labels.map((label) => label.split(' ')[0]);

    const own = registrations(await labelsOf(esmeralda));
    expect(own).toEqual(
      expect.arrayContaining([
        STAFF.esmeralda,
        STAFF.esmeraldaColleague,
        STAFF.esmeraldaSupervisor,
      ]),
    );
    expect(own).not.toContain(STAFF.goiania);
    expect(own).not.toContain(STAFF.backOffice);
    const all = registrations(await labelsOf(backOffice));
    expect(all).toEqual(expect.arrayContaining([STAFF.esmeralda, STAFF.goiania]));
    expect(all).not.toContain(STAFF.backOffice);
    const goianiaOnly = registrations(await labelsOf(backOffice, `?agencyId=${goianiaId}`));
    expect(goianiaOnly).toContain(STAFF.goiania);
    expect(goianiaOnly).not.toContain(STAFF.esmeralda);

    const other = await esmeralda.get(`/api/v1/reports/attendants?agencyId=${goianiaId}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN');
    expect(other.json().error.fields[0].field).toBe('query.agencyId');
    const malformed = await backOffice.get('/api/v1/reports/attendants?agencyId=abc');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields[0].field).toMatch(/agencyId/);
  });

  it('drills down to the protocols of a day, paginated, with masked documents', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const response = await backOffice.get(
        `/api/v1/reports/attendances/protocols?${PERIOD}&day=2027-03-01&limit=2${cursor}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<{
        protocols: { code: string; citizenDocument: string }[];
        nextCursor: string | null;
      }>();
      for (const protocol of body.protocols) {
        expect(protocol.citizenDocument).toMatch(/^\*\*\*\.\d{3}\.\d{3}-\*\*$/);
        seen.push(protocol.code);
      }
      if (!body.nextCursor) break;
      cursor = `&cursor=${body.nextCursor}`;
    }
    const dayOne = made.filter((p) => p.day === '2027-03-01').map((p) => p.code);
    expect(seen.sort()).toEqual(dayOne.sort());
  });

  it('keeps the aggregate equal to a recount after folding everything', async () => {
    const before = await report(backOffice, 'groupBy=service');
    await fold();
    const left = await sql<{ n: number }>`select count(*)::int as n from report_deltas`.execute(
      t.ctx.db,
    );
    expect(left.rows[0]?.n).toBe(0);
    expect(await report(backOffice, 'groupBy=service')).toEqual(before);
    await sql`select report_rebuild()`.execute(t.ctx.db);
    expect(await report(backOffice, 'groupBy=service')).toEqual(before);
  });

  describe('refusals', () => {
    const cases: [string, string, number, string][] = [
      ['a day that does not exist', 'from=2027-02-30', 400, 'query.from'],
      ['a year before STER', 'from=0000-01-01&to=0000-01-02', 400, 'query.from'],
      ['a period ending before it starts', 'from=2027-03-02&to=2027-03-01', 400, 'query.to'],
      ['a period over 366 days', 'from=2025-01-01&to=2027-03-01', 400, 'query.to'],
      ['an unknown grouping', 'groupBy=week', 400, 'query.groupBy'],
      ['a malformed agency id', 'agencyId=abc', 400, 'query.agencyId'],
    ];
    it.each(cases)('refuses %s', async (_name, query, status, field) => {
      const response = await backOffice.get(`/api/v1/reports/attendances?${query}`);
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    });

    it('refuses a forged drill-down cursor and a day outside the period', async () => {
      const forged = await backOffice.get(
        `/api/v1/reports/attendances/protocols?${PERIOD}&cursor=bm9wZQ`,
      );
      expect(forged.statusCode).toBe(400);
      expect(forged.json().error.fields[0].field).toBe('query.cursor');
      const outside = await backOffice.get(
        `/api/v1/reports/attendances/protocols?${PERIOD}&day=2027-04-01`,
      );
      expect(outside.statusCode).toBe(400);
      expect(outside.json().error.fields[0].field).toBe('query.day');
      const unreal = await backOffice.get(
        `/api/v1/reports/attendances/protocols?${PERIOD}&day=2027-03-00`,
      );
      expect(unreal.statusCode).toBe(400);
      expect(unreal.json().error.fields[0].field).toBe('query.day');
    });

    it('refuses anonymous callers with 401', async () => {
      const response = await apiAs(t).get(`/api/v1/reports/attendances?${PERIOD}`);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    });
  });
});

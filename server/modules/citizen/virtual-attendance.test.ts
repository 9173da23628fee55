import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, CPFS, cpfFormData, licensingFormData, serviceId, STAFF } from '@test/factories.ts';
import { citizenApi, cookieOf, signInCitizen, useForgedProvider } from '@test/citizen.ts';
import { startForgedProvider, type ForgedProvider } from '@test/forged-provider.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

const VIRTUAL = '/api/v1/attendances/virtual';
/** The CPF the forged provider vouches for by default. */
const SIGNED_IN_CPF = '28451739628';

describe('virtual attendance by a citizen signed in with IdCorreios', () => {
  let t: TestApp;
  let provider: ForgedProvider;
  let citizen: ReturnType<typeof citizenApi>;
  let licensing: string;
  let cpfService: string;

  const attendance = (document = SIGNED_IN_CPF) => ({
    serviceId: licensing,
    citizen: { document },
    formData: licensingFormData(),
  });

  beforeAll(async () => {
    t = await createTestApp();
    provider = await startForgedProvider();
    useForgedProvider(t, provider);
    citizen = citizenApi(t, cookieOf(await signInCitizen(t, provider), 'ster_citizen') ?? '');
    const staff = apiAs(t, await t.signIn(STAFF.esmeralda));
    cpfService = await serviceId(staff, 'RFB', '20101');
    const clients = (await apiAs(t).get('/api/v1/public/virtual/clients')).json().clients;
    const detran = clients.find((client: { code: string }) => client.code === 'DETRANGO');
    const services = (
      await apiAs(t).get(`/api/v1/public/virtual/clients/${detran.id}/services`)
    ).json().services;
    licensing = services.find((service: { code: string }) => service.code === '50101').id;
  });
  afterAll(async () => {
    await provider.close();
    await t.close();
  });

  it('lists only virtual services on the portal, with their forms', async () => {
    const clients = (await apiAs(t).get('/api/v1/public/virtual/clients')).json().clients;
    expect(clients.map((client: { code: string }) => client.code).sort()).toEqual([
      'DETRANGO',
      'SEEMG',
    ]);
    const form = await apiAs(t).get(`/api/v1/public/virtual/services/${licensing}/form`);
    expect(form.statusCode).toBe(200);
    const preOnly = await apiAs(t).get(`/api/v1/public/virtual/services/${cpfService}/form`);
    expect(preOnly.statusCode).toBe(404);
  });

  it('finalises at once, priced from the tariff, invoiced, attributed to the citizen', async () => {
    const response = await citizen.post(VIRTUAL, attendance(), {
      'x-ster-csrf': '1',
      'idempotency-key': 'citizen-virtual-1',
    });
    expect(response.statusCode).toBe(201);
    const { protocol } = response.json();
    expect(protocol).toMatchObject({
      status: 'finalised',
      attendanceType: 'virtual',
      modality: 'invoiced',
      totalCents: 890,
      agency: null,
      attendant: null,
      citizen: { document: '***.517.396-**', name: 'Luciana A**** P******' },
    });
    const row = await t.ctx.db
      .selectFrom('protocolEvents as e')
      .innerJoin('protocols as p', 'p.id', 'e.protocolId')
      .select(['e.actorKind', 'p.tariffId'])
      .where('p.code', '=', protocol.code)
      .executeTakeFirstOrThrow();
    expect(row.actorKind).toBe('citizen');
    expect(row.tariffId).not.toBeNull();

    const again = await citizen.post(VIRTUAL, attendance(), {
      'x-ster-csrf': '1',
      'idempotency-key': 'citizen-virtual-1',
    });
    expect(again.json().protocol.code).toBe(protocol.code);
  });

  it("refuses someone else's CPF, naming the field", async () => {
    const response = await citizen.post(VIRTUAL, attendance(CPFS[0]));
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({
      code: 'FORBIDDEN',
      fields: [{ field: 'body.citizen.document', code: 'notSignedInCitizen' }],
    });
  });

  it('refuses a cookie request without the anti-CSRF header, and anonymous callers', async () => {
    const forged = await citizen.post(VIRTUAL, attendance(), {});
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_HEADER_MISSING');
    const anonymous = await apiAs(t).post(VIRTUAL, attendance());
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a service without virtual attendance, and a body over 256 KiB', async () => {
    const response = await citizen.post(VIRTUAL, {
      serviceId: cpfService,
      citizen: { document: SIGNED_IN_CPF },
      formData: cpfFormData({ cpf: SIGNED_IN_CPF }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('SERVICE_NOT_AVAILABLE');

    const huge = await citizen.post(VIRTUAL, { ...attendance(), padding: 'x'.repeat(300_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('limits virtual submissions per address to 30 a minute', async () => {
    const send = () =>
      t.app.inject({ method: 'POST', url: VIRTUAL, payload: {}, remoteAddress: '10.7.7.7' });
    for (let i = 0; i < 30; i++) {
      expect((await send()).statusCode).toBe(400);
    }
    const refused = await send();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
  });

  it('lists "Meus protocolos" by the CPF from the ID token, and nobody else\'s', async () => {
    const preAttendance = await apiAs(t).post('/api/v1/public/pre-attendances', {
      serviceId: cpfService,
      citizen: { document: '284.517.396-28' },
      formData: cpfFormData({ cpf: SIGNED_IN_CPF }),
    });
    const otherPerson = await apiAs(t).post('/api/v1/public/pre-attendances', {
      serviceId: cpfService,
      citizen: { document: CPFS[2] },
      formData: cpfFormData({ cpf: CPFS[2] }),
    });
    const mine = (await citizen.get('/api/v1/citizen/protocols')).json().protocols;
    const codes = mine.map((protocol: { code: string }) => protocol.code);
    expect(codes).toContain(preAttendance.json().protocol.code);
    expect(codes).not.toContain(otherPerson.json().protocol.code);
    expect(mine.every((p: object) => !('citizen' in p) && !('attendant' in p))).toBe(true);
    expect((await apiAs(t).get('/api/v1/citizen/protocols')).statusCode).toBe(401);
  });

  it('gives the receipt of its own finalised protocols only', async () => {
    const code = (await citizen.post(VIRTUAL, attendance())).json().protocol.code;
    const pdf = await citizen.get(`/api/v1/citizen/protocols/${code}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const staff = apiAs(t, await t.signIn(STAFF.esmeralda));
    const others = (
      await staff.post(VIRTUAL, { ...attendance(CPFS[1]), citizen: { document: CPFS[1] } })
    ).json().protocol.code;
    const refused = await citizen.get(`/api/v1/citizen/protocols/${others}/receipt.pdf`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('PROTOCOL_NOT_FOUND');

    const mine = (await citizen.get('/api/v1/citizen/protocols')).json().protocols;
    const pre = mine.find((p: { status: string }) => p.status === 'preAttendance');
    const notFinal = await citizen.get(`/api/v1/citizen/protocols/${pre.code}/receipt.pdf`);
    expect(notFinal.statusCode).toBe(422);
    expect(notFinal.json().error.code).toBe('RULE_VIOLATED');
  });

  it('exports everything STER holds about the citizen: answers, prices, history', async () => {
    const response = await citizen.get('/api/v1/citizen/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const data = response.json();
    expect(data.subject.document).toBe(SIGNED_IN_CPF);
    expect(data.protocols.length).toBeGreaterThanOrEqual(3);
    const virtual = data.protocols.find((p: { status: string }) => p.status === 'finalised');
    expect(virtual.answers).toEqual({ renavam: '12345678901', placa: 'ABC1D23', exercicio: 2026 });
    expect(virtual.lines[0]).toMatchObject({ totalCents: 890 });
    expect(virtual.history[0]).toMatchObject({ toStatus: 'finalised', by: 'citizen' });
    expect(virtual.citizen.document).toBe(SIGNED_IN_CPF);
    for (const protocol of data.protocols) {
      expect(protocol.citizen.document).toBe(SIGNED_IN_CPF);
    }
    expect((await apiAs(t).get('/api/v1/citizen/export')).statusCode).toBe(401);
  });
});

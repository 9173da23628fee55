import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  cpfFormData,
  CPFS,
  createPreAttendance,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('pre-attendance (flow 4)', () => {
  let t: TestApp;
  let api: Api;
  let anonymous: Api;
  let cpfService: string;

  const complete = (
    code: string,
    body: object = { documentsChecked: ['identidade', 'residencia'] },
  ) => api.post(`/api/v1/protocols/${code}/complete`, body);

  beforeAll(async () => {
    t = await createTestApp();
    api = apiAs(t, await t.signIn(STAFF.esmeralda));
    anonymous = apiAs(t);
    cpfService = await serviceId(api, 'RFB', '20101');
  });
  afterAll(() => t.close());

  it('starts anonymously as an unpriced pre-attendance that expires after the service’s days', async () => {
    const response = await anonymous.post('/api/v1/public/pre-attendances', {
      serviceId: cpfService,
      citizen: { document: CPFS[1], name: 'João Pereira' },
      formData: cpfFormData({ cpf: CPFS[1] }),
    });
    expect(response.statusCode).toBe(201);
    const { protocol } = response.json();
    expect(protocol).toMatchObject({
      status: 'preAttendance',
      attendanceType: 'preAttendance',
      totalCents: null,
      agency: null,
      attendant: null,
    });
    const expiresIn = Date.parse(protocol.expiresAt) - t.clock.now().getTime();
    expect(Math.round(expiresIn / DAY)).toBe(30);
  });

  it('validates the public form like the counter does', async () => {
    const response = await anonymous.post('/api/v1/public/pre-attendances', {
      serviceId: cpfService,
      citizen: { document: CPFS[1] },
      formData: cpfFormData({ cep: '123' }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields[0].field).toBe('body.formData.cep');
  });

  it('is completed at a counter: pending at that agency, priced at completion', async () => {
    const code = await createPreAttendance(anonymous, { serviceId: cpfService });

    const found = await api.post('/api/v1/protocols/search', { document: CPFS[1] });
    expect(found.json().protocols.map((p: { code: string }) => p.code)).toContain(code);

    const missing = await complete(code, { documentsChecked: ['identidade'] });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.code).toBe('DOCUMENTS_MISSING');

    const done = await complete(code, {
      documentsChecked: ['identidade', 'residencia'],
      formData: cpfFormData({ cpf: CPFS[1], logradouro: 'Rua Nova, 10' }),
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().protocol).toMatchObject({
      status: 'pending',
      totalCents: 850,
      agency: { name: 'AC ESMERALDA' },
      attendant: { registration: STAFF.esmeralda },
    });
    const detail = (await api.get(`/api/v1/protocols/${code}`)).json();
    expect(detail.lines).toHaveLength(2);
    expect(detail.form.answers).toContainEqual({
      field: 'logradouro',
      label: 'Logradouro e número',
      value: 'Rua Nova, 10',
    });

    const pending = (await api.get('/api/v1/counter/pending')).json();
    expect(pending.protocols.map((p: { code: string }) => p.code)).toContain(code);

    const again = await complete(code);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses completion data that fails the form, changing nothing', async () => {
    const code = await createPreAttendance(anonymous, { serviceId: cpfService });
    const response = await complete(code, {
      documentsChecked: ['identidade', 'residencia'],
      formData: cpfFormData({ nascimento: '2030-01-01' }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields[0].field).toBe('body.formData.nascimento');
    const detail = (await api.get(`/api/v1/protocols/${code}`)).json();
    expect(detail.protocol.status).toBe('preAttendance');
    expect(detail.lines).toEqual([]);
  });

  describe('after the expiry date', () => {
    let expiring: string;
    let forTheJob: string;
    let backOffice: Api;

    beforeAll(async () => {
      expiring = await createPreAttendance(anonymous, { serviceId: cpfService });
      forTheJob = await createPreAttendance(anonymous, {
        serviceId: cpfService,
        document: CPFS[3],
      });
      t.clock.advanceDays(31);
      api = apiAs(t, await t.signIn(STAFF.esmeralda));
      backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
    });

    it('refuses completion with 409 PROTOCOL_EXPIRED and marks it expired', async () => {
      const response = await complete(expiring);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('PROTOCOL_EXPIRED');

      const detail = (await backOffice.get(`/api/v1/protocols/${expiring}`)).json();
      expect(detail.protocol.status).toBe('expired');
      expect(detail.allowedActions).toEqual([]);
      const history = (await backOffice.get(`/api/v1/protocols/${expiring}/history`)).json();
      expect(history.events.at(-1)).toMatchObject({
        type: 'expire',
        fromStatus: 'preAttendance',
        toStatus: 'expired',
        actor: { kind: 'system' },
        reason: 'expiryDate',
      });
    });

    it('lets only back office run the expiry job, which expires what is due once', async () => {
      expect((await anonymous.post('/api/v1/admin/jobs/expire-pre-attendances')).statusCode).toBe(
        401,
      );
      const attendant = await api.post('/api/v1/admin/jobs/expire-pre-attendances');
      expect(attendant.statusCode).toBe(403);
      expect(attendant.json().error.code).toBe('FORBIDDEN');

      const first = await backOffice.post('/api/v1/admin/jobs/expire-pre-attendances');
      expect(first.statusCode).toBe(200);
      expect(first.json().expired).toBeGreaterThanOrEqual(1);
      const detail = (await backOffice.get(`/api/v1/protocols/${forTheJob}`)).json();
      expect(detail.protocol.status).toBe('expired');

      const second = await backOffice.post('/api/v1/admin/jobs/expire-pre-attendances');
      expect(second.json()).toEqual({ expired: 0 });

      const late = await complete(forTheJob);
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('PROTOCOL_EXPIRED');
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  codesOf,
  cpfFormData,
  CPFS,
  createPending,
  createVirtual,
  inPersonBody,
  licensingFormData,
  prizeAttendanceBody,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

const IN_PERSON = '/api/v1/attendances/in-person';

describe('attendances', () => {
  let t: TestApp;
  let api: Api;
  let cpfService: string;
  let prizeService: string;
  let licensingService: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = apiAs(t, await t.signIn(STAFF.esmeralda));
    cpfService = await serviceId(api, 'RFB', '20101');
    prizeService = await serviceId(api, 'BRASILCAP', '10102');
    licensingService = await serviceId(api, 'DETRANGO', '50101');
  });
  afterAll(() => t.close());

  describe('POST /api/v1/attendances/in-person', () => {
    it('creates a pending protocol priced from today’s tariff plus associated items', async () => {
      const response = await api.post(IN_PERSON, inPersonBody({ serviceId: cpfService }));
      expect(response.statusCode).toBe(201);
      const { protocol } = response.json();
      expect(protocol).toMatchObject({
        status: 'pending',
        attendanceType: 'inPerson',
        modality: 'cash',
        totalCents: 850,
        agency: { name: 'AC ESMERALDA' },
        attendant: { registration: STAFF.esmeralda },
        citizen: { documentKind: 'cpf', document: '***.456.789-**', name: 'Maria d* S****' },
        documentsChecked: ['identidade', 'residencia'],
        counterReference: null,
      });
      expect(protocol.code).toMatch(/^\d{14}$/);

      const detail = (await api.get(`/api/v1/protocols/${protocol.code}`)).json();
      expect(detail.lines).toEqual([
        expect.objectContaining({
          kind: 'service',
          itemCode: '20101',
          unitCents: 700,
          totalCents: 700,
        }),
        expect.objectContaining({
          kind: 'associated',
          itemCode: '90001',
          unitCents: 150,
          totalCents: 150,
        }),
      ]);
      expect(detail.allowedActions.sort()).toEqual(['cancel', 'finalise']);
      expect(detail.form.answers).toContainEqual({
        field: 'cpf',
        label: 'CPF',
        value: '***.456.789-**',
      });
      expect(JSON.stringify(detail)).not.toContain('12345678909');
    });

    it('multiplies the service line by the quantity, not the associated items', async () => {
      const response = await api.post(
        IN_PERSON,
        inPersonBody({ serviceId: cpfService, quantity: 3 }),
      );
      expect(response.json().protocol.totalCents).toBe(3 * 700 + 150);
    });

    it('takes the modality from the contract: invoiced for Brasilcap prizes', async () => {
      const response = await api.post(IN_PERSON, prizeAttendanceBody(prizeService));
      expect(response.statusCode).toBe(201);
      expect(response.json().protocol).toMatchObject({ modality: 'invoiced', totalCents: 450 });
    });

    it('refuses hosted-form errors with 422 FORM_INVALID naming each field', async () => {
      const response = await api.post(
        IN_PERSON,
        inPersonBody({
          serviceId: cpfService,
          formData: cpfFormData({ cpf: '123.456.789-00', sexo: 'X', eleitor: true, extra: 1 }),
        }),
      );
      expect(response.statusCode).toBe(422);
      const { error } = response.json();
      expect(error.code).toBe('FORM_INVALID');
      expect(error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'body.formData.cpf',
        'body.formData.extra',
        'body.formData.sexo',
        'body.formData.tituloEleitor',
      ]);
    });

    it('refuses a missing required answer', async () => {
      const { nome: _nome, ...formData } = cpfFormData();
      const response = await api.post(IN_PERSON, inPersonBody({ serviceId: cpfService, formData }));
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toEqual([
        { field: 'body.formData.nome', code: 'required', message: 'Campo obrigatório.' },
      ]);
    });

    it('refuses with 422 DOCUMENTS_MISSING when a required document was not checked', async () => {
      const response = await api.post(
        IN_PERSON,
        inPersonBody({ serviceId: cpfService, documentsChecked: ['identidade'] }),
      );
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({
        code: 'DOCUMENTS_MISSING',
        fields: [{ field: 'body.documentsChecked', code: 'missing' }],
      });
      expect(response.json().error.message).toContain('Comprovante de residência');
    });

    it('refuses an unknown document id', async () => {
      const response = await api.post(
        IN_PERSON,
        inPersonBody({
          serviceId: cpfService,
          documentsChecked: ['identidade', 'residencia', 'x'],
        }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields[0].field).toBe('body.documentsChecked');
    });

    it('refuses an invalid citizen CPF', async () => {
      const response = await api.post(
        IN_PERSON,
        inPersonBody({ serviceId: cpfService, document: '123.456.789-00' }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ field: 'body.citizen.document' }],
      });
    });

    it('refuses an unknown service with 404 and a virtual-only type with 422', async () => {
      const unknown = await api.post(
        IN_PERSON,
        inPersonBody({ serviceId: '00000000-0000-4000-8000-000000000000' }),
      );
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('NOT_FOUND');

      const virtualOnly = await api.post(
        '/api/v1/attendances/virtual',
        inPersonBody({ serviceId: cpfService }),
      );
      expect(virtualOnly.statusCode).toBe(422);
      expect(virtualOnly.json().error.code).toBe('SERVICE_NOT_AVAILABLE');
    });

    it('writes nothing when it refuses', async () => {
      const before = codesOf(await api.post('/api/v1/protocols/search', { document: CPFS[3] }));
      await api.post(
        IN_PERSON,
        inPersonBody({ serviceId: cpfService, document: CPFS[3], documentsChecked: [] }),
      );
      await api.post(
        IN_PERSON,
        inPersonBody({ serviceId: cpfService, document: CPFS[3], formData: { nome: 'x' } }),
      );
      const after = codesOf(await api.post('/api/v1/protocols/search', { document: CPFS[3] }));
      expect(after).toEqual(before);
    });
  });

  describe('POST /api/v1/attendances/virtual', () => {
    it('finalises a DETRAN-GO licensing at once, invoiced, with no agency', async () => {
      const response = await api.post('/api/v1/attendances/virtual', {
        serviceId: licensingService,
        citizen: { document: CPFS[2], name: 'Carlos Souza' },
        formData: licensingFormData(),
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().protocol).toMatchObject({
        status: 'finalised',
        attendanceType: 'virtual',
        modality: 'invoiced',
        totalCents: 890,
        agency: null,
      });
      const history = (
        await api.get(`/api/v1/protocols/${response.json().protocol.code}/history`)
      ).json();
      expect(history.events).toHaveLength(1);
      expect(history.events[0]).toMatchObject({
        type: 'created',
        fromStatus: null,
        toStatus: 'finalised',
      });
    });
  });

  describe('Consulta Protocolo', () => {
    it('finds a protocol by code (typed with dots) and by CPF, with the CPF masked', async () => {
      const code = await createPending(api, { serviceId: cpfService, document: CPFS[0] });
      const typed = `${code.slice(0, 2)}.${code.slice(2, 7)}.${code.slice(7, 13)}-${code.slice(13)}`;

      const byCode = await api.post('/api/v1/protocols/search', { code: typed });
      expect(byCode.statusCode).toBe(200);
      expect(codesOf(byCode)).toEqual([code]);

      const byCpf = await api.post('/api/v1/protocols/search', { document: '123.456.789-09' });
      expect(codesOf(byCpf)).toContain(code);
      for (const protocol of byCpf.json().protocols) {
        expect(protocol.citizen.document).toBe('***.456.789-**');
      }
      expect(byCpf.body).not.toContain('12345678909');

      const filtered = await api.post('/api/v1/protocols/search', {
        document: CPFS[0],
        status: 'finalised',
      });
      expect(codesOf(filtered)).not.toContain(code);
    });

    it('finds virtual protocols the attendant created, though they have no agency', async () => {
      const code = await createVirtual(api, licensingService);
      expect(codesOf(await api.post('/api/v1/protocols/search', { code }))).toEqual([code]);
    });

    it('needs a code or a document, and refuses a CPF with wrong digits', async () => {
      const none = await api.post('/api/v1/protocols/search', {});
      expect(none.statusCode).toBe(400);
      const badCpf = await api.post('/api/v1/protocols/search', { document: '12345678900' });
      expect(badCpf.statusCode).toBe(400);
      expect(badCpf.json().error.fields[0].field).toBe('body.document');
    });
  });
});

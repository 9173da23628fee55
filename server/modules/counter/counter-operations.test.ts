import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  codesOf,
  counterReference,
  CPFS,
  createPending,
  finalisePending,
  prizeAttendanceBody,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

const at = (code: string, action: string) => `/api/v1/counter/protocols/${code}/${action}`;

describe('counter operations (SARA)', () => {
  let t: TestApp;
  let api: Api;
  let colleague: Api;
  let cpfService: string;
  let prizeService: string;

  const statusOf = async (code: string) =>
    (await api.get(`/api/v1/protocols/${code}`)).json().protocol.status;
  const eventsOf = async (code: string) =>
    (await api.get(`/api/v1/protocols/${code}/history`)).json().events;

  beforeAll(async () => {
    t = await createTestApp();
    api = apiAs(t, await t.signIn(STAFF.esmeralda));
    colleague = apiAs(t, await t.signIn(STAFF.esmeraldaColleague));
    cpfService = await serviceId(api, 'RFB', '20101');
    prizeService = await serviceId(api, 'BRASILCAP', '10102');
  });
  afterAll(() => t.close());

  describe('pending lists', () => {
    let mine: string;
    let theirs: string;

    beforeAll(async () => {
      mine = await createPending(api, { serviceId: cpfService, document: CPFS[2] });
      theirs = await createPending(colleague, { serviceId: cpfService, document: CPFS[2] });
    });

    it('lists my own pending protocols by default', async () => {
      const codes = codesOf(await api.get('/api/v1/counter/pending'));
      expect(codes).toContain(mine);
      expect(codes).not.toContain(theirs);
    });

    it('lists another attendant’s by registration', async () => {
      const response = await api.get(
        `/api/v1/counter/pending?registration=${STAFF.esmeraldaColleague}`,
      );
      expect(response.statusCode).toBe(200);
      expect(codesOf(response)).toContain(theirs);
      expect(codesOf(response)).not.toContain(mine);
    });

    it('refuses a registration of another agency or of nobody with 404', async () => {
      for (const registration of [STAFF.aguaSanta, '12345678']) {
        const response = await api.get(`/api/v1/counter/pending?registration=${registration}`);
        expect(response.statusCode).toBe(404);
      }
      const bad = await api.get('/api/v1/counter/pending?registration=1234');
      expect(bad.statusCode).toBe(400);
    });

    it('lists the agency’s pending protocols of one CPF, masked', async () => {
      const response = await api.post('/api/v1/counter/pending/search', { document: CPFS[2] });
      expect(codesOf(response)).toEqual(expect.arrayContaining([mine, theirs]));
      expect(response.json().protocols[0].citizen.document).toBe('***.444.777-**');
      expect(response.body).not.toContain(CPFS[2]);
    });
  });

  describe('generate and finalise', () => {
    it('fills the sale grid and records it, without changing the status', async () => {
      const code = await createPending(api, { serviceId: cpfService });
      const response = await api.post(at(code, 'generate'));
      expect(response.statusCode).toBe(200);
      expect(response.json().sale).toMatchObject({
        protocolCode: code,
        modality: 'cash',
        modalityLabel: 'À vista',
        payer: { kind: 'citizen', document: '***.456.789-**' },
        contract: { number: '9912300010', adminCode: '08082700' },
        totalCents: 850,
      });
      expect(response.json().sale.lines.map((l: { totalCents: number }) => l.totalCents)).toEqual([
        700, 150,
      ]);
      expect(await statusOf(code)).toBe('pending');
      expect((await eventsOf(code)).map((e: { type: string }) => e.type)).toEqual([
        'created',
        'attendanceGenerated',
      ]);
    });

    it('finalises with the counter references and gives the receipt', async () => {
      const code = await createPending(api, { serviceId: cpfService });
      const reference = counterReference();
      const response = await api.post(at(code, 'finalise'), reference);
      expect(response.statusCode).toBe(200);
      expect(response.json().receipt).toMatchObject({
        title: 'COMPROVANTE DO CLIENTE',
        protocolCode: code,
        agency: { name: 'AC ESMERALDA' },
        attendant: STAFF.esmeralda,
        till: reference.till,
        entryNumber: reference.entryNumber,
        modalityLabel: 'À vista',
        citizenDocument: '***.456.789-**',
        totalCents: 850,
        invoicedStatement: null,
        reversed: false,
      });
      expect(response.json().protocol.status).toBe('finalised');
      expect(codesOf(await api.get('/api/v1/counter/pending'))).not.toContain(code);

      const receipt = await api.get(at(code, 'receipt'));
      expect(receipt.json().receipt.entryNumber).toBe(reference.entryNumber);
    });

    it('replays the same references, and refuses references of another protocol', async () => {
      const first = await createPending(api, { serviceId: cpfService });
      const second = await createPending(api, { serviceId: cpfService });
      const reference = counterReference();
      const done = await api.post(at(first, 'finalise'), reference);
      const events = await eventsOf(first);

      const replay = await api.post(at(first, 'finalise'), reference);
      expect(replay.statusCode).toBe(200);
      expect(replay.json().receipt).toEqual(done.json().receipt);
      expect(await eventsOf(first)).toEqual(events);

      const taken = await api.post(at(second, 'finalise'), reference);
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('CONFLICT');
      expect(await statusOf(second)).toBe('pending');

      const otherRefs = await api.post(at(first, 'finalise'), counterReference());
      expect(otherRefs.statusCode).toBe(409);
      expect(otherRefs.json().error.code).toBe('ILLEGAL_TRANSITION');
    });

    it('prints the invoiced statement for an invoiced contract, paid by the holder', async () => {
      const code = (
        await api.post('/api/v1/attendances/in-person', prizeAttendanceBody(prizeService))
      ).json().protocol.code;
      const sale = (await api.post(at(code, 'generate'))).json().sale;
      expect(sale.payer).toMatchObject({ kind: 'contractHolder', document: '15.138.043/0001-05' });
      const { receipt } = (await api.post(at(code, 'finalise'), counterReference())).json();
      expect(receipt.modalityLabel).toBe('A faturar');
      expect(receipt.invoicedStatement).toMatch(/fatura/);
      expect(receipt.citizenDocument).toBeNull();
    });

    it('has no receipt before finalisation', async () => {
      const code = await createPending(api, { serviceId: cpfService });
      const response = await api.get(at(code, 'receipt'));
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('RULE_VIOLATED');
    });
  });

  describe('cancel and reverse', () => {
    it('cancels a pending protocol with a reason, recorded in its history', async () => {
      const code = await createPending(api, { serviceId: cpfService });
      const response = await api.post(at(code, 'cancel'), {
        reason: 'citizenGaveUp',
        note: 'Desistiu.',
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().protocol.status).toBe('cancelled');
      expect((await eventsOf(code)).at(-1)).toMatchObject({
        type: 'cancel',
        fromStatus: 'pending',
        toStatus: 'cancelled',
        reason: 'citizenGaveUp',
        note: 'Desistiu.',
      });
      const badReason = await api.post(at(code, 'cancel'), { reason: 'bored' });
      expect(badReason.statusCode).toBe(400);
    });

    it('reverses a finalised attendance, and the receipt says so', async () => {
      const code = await createPending(api, { serviceId: cpfService });
      await finalisePending(api, code);
      const response = await api.post(at(code, 'reverse'), { reason: 'Cobrança em duplicidade' });
      expect(response.statusCode).toBe(200);
      expect(response.json().protocol.status).toBe('reversed');
      expect((await api.get(at(code, 'receipt'))).json().receipt.reversed).toBe(true);
    });

    it.each([
      ['cancel', 'finalised', { reason: 'operatorError' }],
      ['reverse', 'pending', { reason: 'Engano no caixa' }],
      ['cancel', 'cancelled', { reason: 'operatorError' }],
      ['reverse', 'reversed', { reason: 'Engano no caixa' }],
      ['finalise', 'cancelled', null],
      ['finalise', 'reversed', null],
      ['generate', 'finalised', undefined],
    ] as const)(
      'refuses %s on a %s protocol with 409, changing nothing',
      async (action, status, body) => {
        const code = await createPending(api, { serviceId: cpfService });
        if (status !== 'pending' && status !== 'cancelled') await finalisePending(api, code);
        if (status === 'cancelled') await api.post(at(code, 'cancel'), { reason: 'operatorError' });
        if (status === 'reversed')
          await api.post(at(code, 'reverse'), { reason: 'Engano no caixa' });
        expect(await statusOf(code)).toBe(status);
        const events = await eventsOf(code);

        const response = await api.post(
          at(code, action),
          body === null ? counterReference() : body,
        );
        expect(response.statusCode).toBe(409);
        expect(response.json().error.code).toBe('ILLEGAL_TRANSITION');
        expect(await statusOf(code)).toBe(status);
        expect(await eventsOf(code)).toEqual(events);
      },
    );
  });

  it('keeps every event with actor, agency and the states before and after', async () => {
    const code = await createPending(api, { serviceId: cpfService });
    await api.post(at(code, 'generate'));
    await finalisePending(api, code);
    await api.post(at(code, 'reverse'), { reason: 'Cobrança em duplicidade' });

    const events = await eventsOf(code);
    expect(
      events.map((e: { type: string; fromStatus: string | null; toStatus: string }) => [
        e.type,
        e.fromStatus,
        e.toStatus,
      ]),
    ).toEqual([
      ['created', null, 'pending'],
      ['attendanceGenerated', 'pending', 'pending'],
      ['finalise', 'pending', 'finalised'],
      ['reverse', 'finalised', 'reversed'],
    ]);
    for (const [index, event] of events.entries()) {
      expect(event.sequence).toBe(index + 1);
      expect(event.actor).toEqual({ kind: 'staff', label: `${STAFF.esmeralda} Ana Paula Ribeiro` });
      expect(event.agency).toEqual({ code: '00001001', name: 'AC ESMERALDA' });
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Date.parse(event.occurredAt)).not.toBeNaN();
    }
    expect(events.at(-1).reason).toBe('Cobrança em duplicidade');
  });
});

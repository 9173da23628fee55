import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  codesOf,
  counterReference,
  CPFS,
  createPending,
  inPersonBody,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

const IN_PERSON = '/api/v1/attendances/in-person';

describe('idempotency and concurrency', () => {
  let t: TestApp;
  let api: Api;
  let colleague: Api;
  let cpfService: string;

  const protocolsOf = async (document: string) =>
    codesOf(await api.post('/api/v1/protocols/search', { document }));

  beforeAll(async () => {
    t = await createTestApp();
    api = apiAs(t, await t.signIn(STAFF.esmeralda));
    colleague = apiAs(t, await t.signIn(STAFF.esmeraldaColleague));
    cpfService = await serviceId(api, 'RFB', '20101');
  });
  afterAll(() => t.close());

  it('replays the first answer for the same key and body, creating one protocol', async () => {
    const key = randomUUID();
    const body = inPersonBody({ serviceId: cpfService, document: CPFS[3] });
    const before = await protocolsOf(CPFS[3]);

    const first = await api.post(IN_PERSON, body, { 'idempotency-key': key });
    const second = await api.post(IN_PERSON, body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await protocolsOf(CPFS[3])).toEqual([first.json().protocol.code, ...before]);
  });

  it('refuses the same key with a different body with 422, creating nothing', async () => {
    const key = randomUUID();
    await api.post(IN_PERSON, inPersonBody({ serviceId: cpfService }), { 'idempotency-key': key });
    const before = await protocolsOf(CPFS[0]);

    const response = await api.post(
      IN_PERSON,
      inPersonBody({ serviceId: cpfService, quantity: 2 }),
      {
        'idempotency-key': key,
      },
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await protocolsOf(CPFS[0])).toEqual(before);
  });

  it('scopes keys to the caller: another attendant’s same key is a new request', async () => {
    const key = randomUUID();
    const body = inPersonBody({ serviceId: cpfService });
    const mine = await api.post(IN_PERSON, body, { 'idempotency-key': key });
    const theirs = await colleague.post(IN_PERSON, body, { 'idempotency-key': key });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().protocol.code).not.toBe(mine.json().protocol.code);
  });

  it('does not store refusals: the same key may be retried after fixing the input', async () => {
    const key = randomUUID();
    const refused = await api.post(
      IN_PERSON,
      inPersonBody({ serviceId: cpfService, documentsChecked: [] }),
      {
        'idempotency-key': key,
      },
    );
    expect(refused.statusCode).toBe(422);
    const fixed = await api.post(IN_PERSON, inPersonBody({ serviceId: cpfService }), {
      'idempotency-key': key,
    });
    expect(fixed.statusCode).toBe(201);
  });

  it('refuses keys that are too short or not printable ASCII', async () => {
    for (const key of ['short', 'chave com espaço', 'ç'.repeat(10)]) {
      const response = await api.post(IN_PERSON, inPersonBody({ serviceId: cpfService }), {
        'idempotency-key': key,
      });
      expect(response.statusCode, key).toBe(400);
    }
  });

  it('creates exactly one protocol from ten concurrent submissions with one key', async () => {
    const key = randomUUID();
    const body = inPersonBody({ serviceId: cpfService, document: CPFS[1] });
    const before = await protocolsOf(CPFS[1]);

    const responses = await Promise.all(
      Array.from({ length: 10 }, () => api.post(IN_PERSON, body, { 'idempotency-key': key })),
    );
    const created = responses.filter((r) => r.statusCode === 201);
    const inFlight = responses.filter((r) => r.statusCode === 409);
    expect(created.length + inFlight.length).toBe(10);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const response of inFlight) {
      expect(response.json().error.code).toBe('IDEMPOTENCY_IN_FLIGHT');
    }
    const codes = new Set(created.map((r) => r.json().protocol.code));
    expect(codes.size).toBe(1);
    expect(created.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await protocolsOf(CPFS[1])).toEqual([...codes, ...before]);
  });

  it('replays finalise and cancel under their keys', async () => {
    const code = await createPending(api, { serviceId: cpfService });
    const key = randomUUID();
    const reference = counterReference();
    const url = `/api/v1/counter/protocols/${code}/finalise`;
    const first = await api.post(url, reference, { 'idempotency-key': key });
    const second = await api.post(url, reference, { 'idempotency-key': key });
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());

    const other = await createPending(api, { serviceId: cpfService });
    const cancelKey = randomUUID();
    const cancelUrl = `/api/v1/counter/protocols/${other}/cancel`;
    await api.post(cancelUrl, { reason: 'operatorError' }, { 'idempotency-key': cancelKey });
    const replay = await api.post(
      cancelUrl,
      { reason: 'operatorError' },
      { 'idempotency-key': cancelKey },
    );
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const reused = await api.post(
      cancelUrl,
      { reason: 'citizenGaveUp' },
      { 'idempotency-key': cancelKey },
    );
    expect(reused.statusCode).toBe(422);
  });

  it('lets exactly one of a racing finalise and cancel win; the other gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const code = await createPending(api, { serviceId: cpfService });
      const [finalised, cancelled] = await Promise.all([
        api.post(`/api/v1/counter/protocols/${code}/finalise`, counterReference()),
        colleague.post(`/api/v1/counter/protocols/${code}/cancel`, { reason: 'operatorError' }),
      ]);
      const statuses = [finalised.statusCode, cancelled.statusCode].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = finalised.statusCode === 409 ? finalised : cancelled;
      expect(loser.json().error.code).toBe('ILLEGAL_TRANSITION');

      const detail = (await api.get(`/api/v1/protocols/${code}`)).json();
      const events = (await api.get(`/api/v1/protocols/${code}/history`)).json().events;
      expect(events.map((e: { type: string }) => e.type)).toEqual([
        'created',
        finalised.statusCode === 200 ? 'finalise' : 'cancel',
      ]);
      expect(events.at(-1).toStatus).toBe(detail.protocol.status);
    }
  });

  it('lets one counter reference finalise only one of two protocols racing for it', async () => {
    const first = await createPending(api, { serviceId: cpfService });
    const second = await createPending(colleague, { serviceId: cpfService });
    const reference = counterReference();
    const responses = await Promise.all([
      api.post(`/api/v1/counter/protocols/${first}/finalise`, reference),
      colleague.post(`/api/v1/counter/protocols/${second}/finalise`, reference),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.statusCode === 409)?.json().error.code).toBe('CONFLICT');
    const statuses = await Promise.all(
      [first, second].map(
        async (code) => (await api.get(`/api/v1/protocols/${code}`)).json().protocol.status,
      ),
    );
    expect(statuses.sort()).toEqual(['finalised', 'pending']);
  });

  it('lets exactly one of two racing finalisations with different references win', async () => {
    const code = await createPending(api, { serviceId: cpfService });
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        api.post(`/api/v1/counter/protocols/${code}/finalise`, counterReference()),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    const events = (await api.get(`/api/v1/protocols/${code}/history`)).json().events;
    expect(events.filter((e: { type: string }) => e.type === 'finalise')).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, createPending, inPersonBody, serviceId, STAFF, type Api } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';
import { buildProtocolCode } from '@shared/protocol/protocol-code.ts';
import { DEMO_PASSWORD } from '@server/seed/demo-catalogue.ts';

const IN_PERSON = '/api/v1/attendances/in-person';

describe('requests the API refuses', () => {
  let t: TestApp;
  let token: string;
  let api: Api;
  let cpfService: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await t.signIn(STAFF.esmeralda);
    api = apiAs(t, token);
    cpfService = await serviceId(api, 'RFB', '20101');
  });
  afterAll(() => t.close());

  const raw = (payload: string, contentType: string) =>
    t.app.inject({
      method: 'POST',
      url: IN_PERSON,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      payload,
    });

  it('refuses unknown fields with 400 naming them', async () => {
    const response = await api.post(IN_PERSON, {
      ...inPersonBody({ serviceId: cpfService }),
      price: 1,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'body.price', code: 'unknown' }],
    });
  });

  it('refuses wrong types without coercing them', async () => {
    const response = await api.post(IN_PERSON, {
      ...inPersonBody({ serviceId: cpfService }),
      quantity: '2',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({ field: 'body.quantity', code: 'type' });
  });

  it('refuses malformed JSON with 400 MALFORMED_REQUEST', async () => {
    const response = await raw('{"serviceId": ', 'application/json');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('MALFORMED_REQUEST');
  });

  it('refuses an empty JSON body with 400 MALFORMED_REQUEST', async () => {
    const response = await raw('', 'application/json');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('MALFORMED_REQUEST');
  });

  it('refuses another content type with 415', async () => {
    const response = await raw('serviceId=x', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await raw(JSON.stringify({ big: 'x'.repeat(300 * 1024) }), 'application/json');
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a wrong check digit with 400 PROTOCOL_CODE_INVALID before any lookup', async () => {
    const valid = buildProtocolCode(2026, 999_999);
    const typo = valid.slice(0, 13) + String((Number(valid.at(-1)) + 1) % 10);
    for (const url of [
      `/api/v1/protocols/${typo}`,
      `/api/v1/protocols/${typo}/history`,
      `/api/v1/counter/protocols/${typo}/receipt`,
    ]) {
      const response = await api.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code).toBe('PROTOCOL_CODE_INVALID');
    }
    const search = await api.post('/api/v1/protocols/search', { code: typo });
    expect(search.json().error).toMatchObject({
      code: 'PROTOCOL_CODE_INVALID',
      fields: [{ field: 'body.code', code: 'checkDigit' }],
    });
    const short = await api.get('/api/v1/protocols/123');
    expect(short.json().error.fields[0].code).toBe('format');
  });

  it('answers 404 PROTOCOL_NOT_FOUND for a valid code nobody has', async () => {
    const unused = buildProtocolCode(2026, 99_999_999_999);
    for (const url of [`/api/v1/protocols/${unused}`, `/api/v1/protocols/${unused}/history`]) {
      const response = await api.get(url);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('PROTOCOL_NOT_FOUND');
    }
    const generate = await api.post(`/api/v1/counter/protocols/${unused}/generate`);
    expect(generate.statusCode).toBe(404);
  });

  it('answers 404 for unknown routes and unknown client ids', async () => {
    const route = await api.get('/api/v1/nothing-here');
    expect(route.statusCode).toBe(404);
    expect(route.json().error.code).toBe('NOT_FOUND');
    const form = await api.get('/api/v1/services/00000000-0000-4000-8000-000000000000/form');
    expect(form.statusCode).toBe(404);
    const badId = await api.get('/api/v1/services/not-a-uuid/form');
    expect(badId.statusCode).toBe(400);
  });

  it('answers 401 without credentials, and with an unknown bearer token', async () => {
    const anonymous = apiAs(t);
    for (const url of ['/api/v1/clients', '/api/v1/counter/pending', '/api/v1/auth/session']) {
      const response = await anonymous.get(url);
      expect(response.statusCode, url).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
    const forged = await apiAs(t, 'not-a-real-token').get('/api/v1/clients');
    expect(forged.statusCode).toBe(401);
  });

  it('refuses wrong passwords with 401 INVALID_CREDENTIALS', async () => {
    const response = await apiAs(t).post('/api/v1/auth/sessions', {
      registration: STAFF.esmeraldaColleague,
      password: 'wrong',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('keeps back office off counter routes with 403', async () => {
    const backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
    const pending = await backOffice.get('/api/v1/counter/pending');
    expect(pending.statusCode).toBe(403);
    expect(pending.json().error.code).toBe('FORBIDDEN');
    const created = await backOffice.post(IN_PERSON, inPersonBody({ serviceId: cpfService }));
    expect(created.statusCode).toBe(403);
  });

  it('keeps attendants off back-office routes with 403', async () => {
    const response = await api.post('/api/v1/admin/jobs/expire-pre-attendances');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });

  describe('with the session cookie', () => {
    let cookie: string;

    beforeAll(async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sessions',
        payload: { registration: STAFF.esmeraldaColleague, password: DEMO_PASSWORD },
      });
      const setCookie = response.cookies.find((c) => c.name === 'ster_session');
      expect(setCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      cookie = `ster_session=${setCookie?.value}`;
    });

    const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, payload, headers: { cookie, ...headers } });

    it('reads without the CSRF header', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: { cookie },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().staff.registration).toBe(STAFF.esmeraldaColleague);
    });

    it('refuses a change without x-ster-csrf with 403, writing nothing', async () => {
      const code = await createPending(api, { serviceId: cpfService });
      const response = await post(`/api/v1/counter/protocols/${code}/cancel`, {
        reason: 'operatorError',
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('CSRF_HEADER_MISSING');
      expect((await api.get(`/api/v1/protocols/${code}`)).json().protocol.status).toBe('pending');
    });

    it('accepts the change with x-ster-csrf: 1', async () => {
      const response = await post(IN_PERSON, inPersonBody({ serviceId: cpfService }), {
        'x-ster-csrf': '1',
      });
      expect(response.statusCode).toBe(201);
    });
  });

  it('throttles sign-in after five wrong passwords for one registration', async () => {
    const anonymous = apiAs(t);
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await anonymous.post('/api/v1/auth/sessions', {
        registration: STAFF.goiania,
        password: `errada-${attempt}`,
      });
      expect(wrong.statusCode).toBe(401);
    }
    const right = await anonymous.post('/api/v1/auth/sessions', {
      registration: STAFF.goiania,
      password: DEMO_PASSWORD,
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('RATE_LIMITED');
    expect(right.body).not.toContain('token');
  });

  it('rate-limits the public pre-attendance page to 20 requests a minute', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt++) {
      const response = await apiAs(t).post('/api/v1/public/pre-attendances', {});
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(response.json().error.code).toBe('RATE_LIMITED');
      }
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(400));
    expect(statuses[20]).toBe(429);
  });

  it('ends a session after 30 idle minutes', async () => {
    const idle = apiAs(t, await t.signIn(STAFF.esmeraldaSupervisor));
    t.clock.advance(29 * 60 * 1000);
    expect((await idle.get('/api/v1/auth/session')).statusCode).toBe(200);
    t.clock.advance(31 * 60 * 1000);
    const response = await idle.get('/api/v1/auth/session');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  counterReference,
  createPending,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

describe('counter operations', () => {
  let t: TestApp;
  let api: Api;
  let cpfService: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = apiAs(t, await t.signIn(STAFF.esmeralda));
    cpfService = await serviceId(api, 'RFB', '20101');
  });
  afterAll(() => t.close());

  it('takes a pending protocol through generate and finalise to a receipt', async () => {
    const code = await createPending(api, { serviceId: cpfService });

    const pending = await api.get('/api/v1/counter/pending');
    expect(pending.json().protocols.map((p: { code: string }) => p.code)).toContain(code);

    const sale = await api.post(`/api/v1/counter/protocols/${code}/generate`);
    expect(sale.statusCode).toBe(200);
    expect(sale.json().sale.lines).toHaveLength(2);
    expect(sale.json().sale.totalCents).toBe(850);

    const finalised = await api.post(
      `/api/v1/counter/protocols/${code}/finalise`,
      counterReference(),
    );
    expect(finalised.statusCode).toBe(200);
    expect(finalised.json().receipt.protocolCode).toBe(code);
    expect(finalised.json().protocol.status).toBe('finalised');

    const after = await api.get('/api/v1/counter/pending');
    expect(after.json().protocols.map((p: { code: string }) => p.code)).not.toContain(code);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type SterApp } from '@server/app.ts';
import {
  closeTestApp,
  createPartner,
  type TestPartner,
} from '@server/modules/partner/partner.fixtures.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

let t: TestApp;
let second: SterApp;
let first: TestPartner;
let other: TestPartner;

beforeAll(async () => {
  t = await createTestApp({ config: { partnerRateLimit: 3 } });
  // A second server over the same database, as behind a load balancer.
  second = await buildApp(t.ctx, { logger: false });
  first = await createPartner(t);
  other = await createPartner(t);
});

afterAll(async () => {
  await second.close();
  await closeTestApp(t);
});

function lookUp(app: SterApp, authorization: string) {
  return app.inject({
    method: 'GET',
    url: '/ster/api/v1/atendimentos/26000000000017',
    headers: { authorization },
  });
}

describe('rate limit of the partner contract, per credential', () => {
  it('counts one token across servers and answers 429 with mensagem past the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await lookUp(i % 2 === 0 ? t.app : second, first.token);
      statuses.push(response.statusCode);
    }
    expect(statuses.every((status) => status !== 429)).toBe(true);

    const refused = await lookUp(second, `Bearer ${first.token}`);
    expect(refused.statusCode).toBe(429);
    expect(refused.json<{ mensagem: string }>().mensagem).toMatch(/Limite de requisições/);
    expect(refused.headers['retry-after']).toBeDefined();

    // Another credential has its own budget.
    expect((await lookUp(t.app, other.token)).statusCode).not.toBe(429);
  });
});

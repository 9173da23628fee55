import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type SterApp } from '@server/app.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

describe('rate limits shared through the database', () => {
  let t: TestApp;
  let second: SterApp;

  beforeAll(async () => {
    t = await createTestApp();
    // A second server over the same database, as behind a load balancer.
    second = await buildApp(t.ctx, { logger: false });
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('counts requests to both servers against one limit and answers 429 past it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const server = i % 2 === 0 ? t.app : second;
      const response = await server.inject({
        method: 'POST',
        url: '/api/v1/public/pre-attendances',
        payload: {},
      });
      statuses.push(response.statusCode);
    }

    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
    const refused = await second.inject({
      method: 'POST',
      url: '/api/v1/public/pre-attendances',
      payload: {},
    });
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(refused.headers['retry-after']).toBeDefined();
  });
});

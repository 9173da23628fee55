import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestApp } from '@server/modules/partner/partner.fixtures.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await closeTestApp(t);
});

describe('the published contract in the OpenAPI document', () => {
  it('documents registra with Portuguese fields, examples and the confirmation code table', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{
      paths: Record<string, Record<string, { description?: string; requestBody?: unknown }>>;
    }>();
    const registra = document.paths['/ster/api/v1/atendimentos/registra']?.post;

    expect(registra?.description).toContain('| `00` |');
    expect(registra?.description).toContain('webhook-signature');
    expect(JSON.stringify(registra?.requestBody)).toContain('chaveCliente');
    expect(JSON.stringify(registra?.requestBody)).toContain('VENDA-2026-000123');
    expect(document.paths['/ster/api/v1/codigos-correios/consulta']).toBeDefined();
    expect(document.paths['/ster/api/v1/atendimentos/{protocolo}']).toBeDefined();
  });
});

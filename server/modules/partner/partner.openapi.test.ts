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

  it('documents flow 2 and the partner calls of hosted-form services', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    const document = response.json<{
      paths: Record<string, Record<string, { description?: string; requestBody?: unknown }>>;
    }>();
    const start = document.paths['/ster/api/v1/pre-atendimentos/registra']?.post;
    const confirm = document.paths['/ster/api/v1/pre-atendimentos/confirma']?.post;

    expect(start?.description).toContain('pré-atendimento no site do cliente');
    expect(JSON.stringify(start?.requestBody)).toContain('codigoServico');
    expect(confirm?.description).toContain('pendente');
    expect(JSON.stringify(confirm?.requestBody)).toContain('26000000000017');
    const hooks = document.paths['/api/v1/backoffice/partners/{id}/services/{serviceId}']?.put;
    expect(JSON.stringify(hooks?.requestBody)).toContain('valido');
    expect(document.paths['/api/v1/backoffice/partners/{id}/changes']?.get).toBeDefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeApp,
  openBackOffice,
  type BackOfficeApi,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import { STAFF } from '@test/factories.ts';
import type { TestApp } from '@test/harness.ts';

describe('back-office agencies', () => {
  let t: TestApp;
  let api: BackOfficeApi;

  beforeAll(async () => {
    ({ t, api } = await openBackOffice());
  });
  afterAll(() => closeApp(t));

  it('creates, lists with a filter and updates an agency, logging each change', async () => {
    const created = await api.post('/api/v1/backoffice/agencies', {
      code: '00002001',
      name: 'AC SÃO JOÃO',
      kind: 'franchised',
      city: 'Recife',
      state: 'PE',
    });
    expect(created.statusCode).toBe(201);
    const agency = created.json().agency;
    expect(agency).toMatchObject({ code: '00002001', kind: 'franchised', active: true });

    const listed = await api.get('/api/v1/backoffice/agencies?q=sao%20joao&limit=10');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().agencies.map((a: { id: string }) => a.id)).toEqual([agency.id]);
    expect(listed.json().page).toEqual({ limit: 10, offset: 0, total: 1 });

    const updated = await api.patch(`/api/v1/backoffice/agencies/${agency.id}`, {
      active: false,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().agency.active).toBe(false);

    const log = await api.get(`/api/v1/backoffice/changes?entity=agency&entityId=${agency.id}`);
    expect(log.json().changes.map((c: { action: string }) => c.action)).toEqual([
      'update',
      'create',
    ]);
    expect(log.json().changes[0]).toMatchObject({
      before: { active: true },
      after: { active: false },
      actor: { label: expect.stringContaining(STAFF.backOffice) },
    });
  });

  it('refuses a duplicate code with 409 and a bad code with 400', async () => {
    const body = { code: '00001001', name: 'Outra', kind: 'own', city: 'X', state: 'RS' };
    const duplicate = await api.post('/api/v1/backoffice/agencies', body);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('CONFLICT');

    const bad = await api.post('/api/v1/backoffice/agencies', { ...body, code: '123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('body.code');

    const unknown = await api.post('/api/v1/backoffice/agencies', { ...body, extra: 1 });
    expect(unknown.statusCode).toBe(400);
  });

  it('answers 401 to anonymous callers and 403 to counter staff on every back-office route', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { tags: string[] }>>;
    }>();
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.tags[0] === 'Retaguarda')
        .map(([method]) => ({
          method: method.toUpperCase() as 'GET',
          url: path
            .replace('{id}', '00000000-0000-4000-8000-000000000000')
            .replace('{version}', '1'),
        })),
    );
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const attendant = `Bearer ${await t.signIn(STAFF.esmeralda)}`;
    const supervisor = `Bearer ${await t.signIn(STAFF.esmeraldaSupervisor)}`;
    for (const route of routes) {
      const anonymous = await t.app.inject({ ...route, payload: { bad: true } });
      expect(anonymous.statusCode, `${route.method} ${route.url}`).toBe(401);
      for (const authorization of [attendant, supervisor]) {
        const counter = await t.app.inject({ ...route, headers: { authorization }, payload: {} });
        expect(counter.statusCode, `${route.method} ${route.url}`).toBe(403);
        expect(counter.json().error.code).toBe('FORBIDDEN');
      }
    }
  });

  it('refuses a page size over 100', async () => {
    const response = await api.get('/api/v1/backoffice/agencies?limit=500');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('query.limit');
  });

  it('documents every back-office route under the Retaguarda tag, in Portuguese', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { tags: string[]; summary: string }>>;
    }>();
    const operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/v1/backoffice/'))
      .flatMap(([, methods]) => Object.values(methods));
    expect(operations.length).toBeGreaterThanOrEqual(30);
    for (const operation of operations) {
      expect(operation.tags[0]).toMatch(/^Retaguarda/);
      expect(operation.summary.length).toBeGreaterThan(5);
    }
  });

  it('answers 400, never 500, to NUL characters and amounts beyond any price', async () => {
    const nul = await api.post('/api/v1/backoffice/agencies', {
      code: '00009999',
      name: 'A\u0000B',
      kind: 'own',
      city: 'X',
      state: 'RS',
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.fields[0].field).toBe('body.name');
    expect((await api.get('/api/v1/backoffice/agencies?q=%00')).statusCode).toBe(400);

    const service = (await api.get('/api/v1/backoffice/services?limit=1')).json().services[0];
    const huge = await api.post(`/api/v1/backoffice/services/${service.id}/associated-items`, {
      code: '77',
      description: 'Item',
      unitAmountCents: 2 ** 63,
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.fields[0].field).toBe('body.unitAmountCents');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeApp,
  newClient,
  openBackOffice,
  type BackOfficeApi,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import { apiAs, STAFF } from '@test/factories.ts';
import type { TestApp } from '@test/harness.ts';
import { localDate } from '@shared/time.ts';

describe('back-office change log filters', () => {
  let t: TestApp;
  let api: BackOfficeApi;

  beforeAll(async () => {
    ({ t, api } = await openBackOffice());
  });
  afterAll(() => closeApp(t));

  it('filters by author, action and day, on the server, with totals', async () => {
    const client = await newClient(api);
    await api.patch(`/api/v1/backoffice/clients/${client.id}`, { name: 'Renomeado' });
    const base = `/api/v1/backoffice/changes?entity=client&entityId=${client.id}`;
    const today = localDate(new Date());

    const mine = await api.get(`${base}&actor=90000001`);
    expect(mine.json().page.total).toBe(2);
    expect((await api.get(`${base}&actor=ninguem`)).json().page.total).toBe(0);

    const creations = await api.get(`${base}&action=create`);
    expect(creations.json().changes).toMatchObject([{ action: 'create', before: null }]);

    expect((await api.get(`${base}&from=${today}&to=${today}`)).json().page.total).toBe(2);
    expect((await api.get(`${base}&to=2020-01-01`)).json().page.total).toBe(0);

    const paged = await api.get(`${base}&limit=1&offset=1`);
    expect(paged.json().changes).toHaveLength(1);
    expect(paged.json().changes[0].action).toBe('create');
  });

  it('refuses a malformed day with 400 naming the field, attendants with 403, and reads one client', async () => {
    const bad = await api.get('/api/v1/backoffice/changes?from=03-12-2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toContain('from');

    const attendant = apiAs(t, await t.signIn(STAFF.esmeralda));
    expect((await attendant.get('/api/v1/backoffice/changes')).statusCode).toBe(403);

    const client = await newClient(api);
    expect((await attendant.get(`/api/v1/backoffice/clients/${client.id}`)).statusCode).toBe(403);
    const found = await api.get(`/api/v1/backoffice/clients/${client.id}`);
    expect(found.json().client).toMatchObject({ id: client.id, version: 1 });
    const missing = await api.get(
      '/api/v1/backoffice/clients/00000000-0000-4000-8000-000000000000',
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });
});

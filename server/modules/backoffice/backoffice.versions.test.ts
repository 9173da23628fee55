import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeApp,
  created,
  newCatalogue,
  openBackOffice,
  unique,
  type BackOfficeApi,
  type Created,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import type { TestApp } from '@test/harness.ts';

type Case = { name: string; make: () => Promise<Created>; url: string; change: object[] };

describe('back-office optimistic concurrency (If-Match)', () => {
  let t: TestApp;
  let api: BackOfficeApi;
  let catalogue: Awaited<ReturnType<typeof newCatalogue>>;

  const patch = (url: string, body: object, version?: number) =>
    api.patch(url, body, version === undefined ? {} : { 'if-match': `"${version}"` });

  beforeAll(async () => {
    ({ t, api } = await openBackOffice());
    catalogue = await newCatalogue(api);
  });
  afterAll(() => closeApp(t));

  const cases = (): Case[] => [
    {
      name: 'client',
      make: async () => catalogue.client,
      url: 'clients',
      change: [{ name: 'Brasilcap A' }, { name: 'Brasilcap B' }],
    },
    {
      name: 'contract',
      make: async () => catalogue.contract,
      url: 'contracts',
      change: [{ validTo: '2030-12-31' }, { validTo: '2031-12-31' }],
    },
    {
      name: 'service',
      make: async () => catalogue.service,
      url: 'services',
      change: [{ name: 'Venda A' }, { name: 'Venda B' }],
    },
    {
      name: 'agency',
      make: () =>
        created(
          api.post('/api/v1/backoffice/agencies', {
            code: `7${unique()}`.slice(0, 8).padEnd(8, '0'),
            name: 'AC TESTE',
            kind: 'own',
            city: 'Goiânia',
            state: 'GO',
          }),
        ),
      url: 'agencies',
      change: [{ name: 'AC TESTE A' }, { name: 'AC TESTE B' }],
    },
    {
      name: 'staff',
      make: () =>
        created(
          api.post('/api/v1/backoffice/staff', {
            registration: `6${unique()}`.slice(0, 8).padEnd(8, '0'),
            name: 'Gestora Nova',
            role: 'backOffice',
            password: 'segredo-forte-1',
          }),
        ),
      url: 'staff',
      change: [{ name: 'Gestora A' }, { name: 'Gestora B' }],
    },
    {
      name: 'tariff',
      make: () =>
        created(
          api.post(`/api/v1/backoffice/services/${catalogue.service.id}/tariffs`, {
            amountCents: 1500,
            validFrom: '2026-01-01',
          }),
        ),
      url: 'tariffs',
      change: [{ amountCents: 1600 }, { amountCents: 1700 }],
    },
    {
      name: 'associated item',
      make: () =>
        created(
          api.post(`/api/v1/backoffice/services/${catalogue.service.id}/associated-items`, {
            code: unique(),
            description: 'Envelope',
            unitAmountCents: 250,
          }),
        ),
      url: 'associated-items',
      change: [{ unitAmountCents: 300 }, { unitAmountCents: 350 }],
    },
  ];

  it('refuses an edit made from a stale version of every kind of record with 409', async () => {
    for (const entry of cases()) {
      const record = await entry.make();
      const url = `/api/v1/backoffice/${entry.url}/${record.id}`;
      const version = record.version as number;
      const [mine, theirs] = entry.change as [object, object];

      const first = await patch(url, mine, version);
      expect(first.statusCode, entry.name).toBe(200);
      const [after] = Object.values(first.json<Record<string, Created>>());
      expect(after?.version, entry.name).toBe(version + 1);

      const stale = await patch(url, theirs, version);
      expect(stale.statusCode, entry.name).toBe(409);
      expect(stale.json().error).toMatchObject({
        code: 'STALE_VERSION',
        fields: [{ field: 'headers.if-match', code: 'stale' }],
      });
      expect(stale.json().error.message).toContain('Recarregue');

      const current = await patch(url, theirs, version + 1);
      expect(current.statusCode, entry.name).toBe(200);
    }
  });

  it('logs nothing for a refused stale edit', async () => {
    const client = catalogue.client;
    const before = await api.get(`/api/v1/backoffice/changes?entity=client&entityId=${client.id}`);
    const stale = await patch(`/api/v1/backoffice/clients/${client.id}`, { name: 'Nope' }, 1);
    expect(stale.statusCode).toBe(409);
    const after = await api.get(`/api/v1/backoffice/changes?entity=client&entityId=${client.id}`);
    expect(after.json().page.total).toBe(before.json().page.total);
  });

  it('refuses a malformed If-Match with 400 naming the header', async () => {
    const response = await patch(`/api/v1/backoffice/clients/${catalogue.client.id}`, {
      name: 'X',
    });
    expect(response.statusCode).toBe(200);
    const bad = await api.patch(
      `/api/v1/backoffice/clients/${catalogue.client.id}`,
      { name: 'Y' },
      { 'if-match': 'abc' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toContain('if-match');
  });
});

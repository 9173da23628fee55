import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeApp,
  openBackOffice,
  newCatalogue,
  newService,
  unique,
  type BackOfficeApi,
  type Created,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import type { TestApp } from '@test/harness.ts';

describe('back-office services and associated items', () => {
  let t: TestApp;
  let api: BackOfficeApi;
  let contract: Created;

  beforeAll(async () => {
    ({ t, api } = await openBackOffice());
    contract = (await newCatalogue(api)).contract;
  });
  afterAll(() => closeApp(t));

  it('creates a client-site service restricted to listed agencies, and lists it', async () => {
    const agencies = await api.get('/api/v1/backoffice/agencies?q=ESMERALDA');
    const esmeralda = agencies.json().agencies[0].id;
    const service = await newService(api, contract.id, {
      name: 'PostalCap – Venda de Títulos',
      solution: 'clientSite',
      clientSiteUrl: 'https://postalcap.example.com.br/venda',
      attendanceTypes: ['inPerson', 'preAttendance'],
      agencyKinds: ['own'],
      agencyIds: [esmeralda],
      preAttendanceExpiryDays: 10,
      priceRule: 'partner',
      partnerPriceMinCents: 1000,
      partnerPriceMaxCents: 50000,
    });
    expect(service).toMatchObject({
      clientId: contract.clientId,
      agencyIds: [esmeralda],
      priceRule: 'partner',
      partnerPriceMaxCents: 50000,
    });

    const listed = await api.get(
      `/api/v1/backoffice/services?q=postalcap&contractId=${contract.id}`,
    );
    expect(listed.json().services.map((s: { id: string }) => s.id)).toEqual([service.id]);

    const moved = await api.patch(`/api/v1/backoffice/services/${service.id}`, {
      solution: 'hostedForm',
      priceRule: 'tariff',
      agencyIds: [],
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().service).toMatchObject({
      clientSiteUrl: null,
      partnerPriceMinCents: null,
      agencyIds: [],
    });
  });

  it('requires a valid http(s) address for the client site', async () => {
    for (const clientSiteUrl of [undefined, 'ftp://example.com/x', 'site do cliente', 'https://']) {
      const response = await api.post('/api/v1/backoffice/services', {
        contractId: contract.id,
        code: unique(),
        name: 'Sem site',
        solution: 'clientSite',
        attendanceTypes: ['inPerson'],
        ...(clientSiteUrl === undefined ? {} : { clientSiteUrl }),
      });
      expect(response.statusCode, String(clientSiteUrl)).toBe(400);
      expect(response.json().error.fields[0].field).toBe('body.clientSiteUrl');
    }
  });

  it('refuses bad attendance types, expiry days, price bounds, agencies and duplicate codes', async () => {
    const base = {
      contractId: contract.id,
      code: unique(),
      name: 'Teste',
      solution: 'hostedForm',
      attendanceTypes: ['inPerson'],
    };
    const cases: [object, string, number][] = [
      [{ attendanceTypes: ['balcao'] }, 'body.attendanceTypes.0', 400],
      [{ attendanceTypes: [] }, 'body.attendanceTypes', 400],
      [{ preAttendanceExpiryDays: 366 }, 'body.preAttendanceExpiryDays', 400],
      [{ priceRule: 'partner', partnerPriceMinCents: 100 }, 'body.partnerPriceMaxCents', 400],
      [
        { priceRule: 'partner', partnerPriceMinCents: 500, partnerPriceMaxCents: 100 },
        'body.partnerPriceMaxCents',
        400,
      ],
      [{ agencyIds: ['00000000-0000-4000-8000-000000000000'] }, 'body.agencyIds', 400],
      [{ contractId: '00000000-0000-4000-8000-000000000000' }, 'body.contractId', 400],
    ];
    for (const [overrides, field, status] of cases) {
      const response = await api.post('/api/v1/backoffice/services', { ...base, ...overrides });
      expect(response.statusCode, field).toBe(status);
      expect(response.json().error.fields[0].field).toBe(field);
    }

    const existing = await newService(api, contract.id);
    const duplicate = await api.post('/api/v1/backoffice/services', {
      ...base,
      code: existing.code,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.fields[0].field).toBe('body.code');
  });

  it('manages associated items: create, list, update, deactivate, refuse duplicates', async () => {
    const service = await newService(api, contract.id);
    const base = `/api/v1/backoffice/services/${service.id}/associated-items`;
    const createdItem = await api.post(base, {
      code: '8001',
      description: 'Envelope para documentos',
      unitAmountCents: 250,
    });
    expect(createdItem.statusCode).toBe(201);
    const item = createdItem.json().item;
    expect(item).toMatchObject({ quantity: 1, active: true });

    const duplicate = await api.post(base, { code: '8001', description: 'X', unitAmountCents: 1 });
    expect(duplicate.statusCode).toBe(409);

    const updated = await api.patch(`/api/v1/backoffice/associated-items/${item.id}`, {
      unitAmountCents: 300,
      quantity: 2,
    });
    expect(updated.json().item).toMatchObject({ unitAmountCents: 300, quantity: 2 });

    const deactivated = await api.post(`/api/v1/backoffice/associated-items/${item.id}/deactivate`);
    expect(deactivated.json().item.active).toBe(false);

    const active = await api.get(`${base}?active=true`);
    expect(active.json().items).toEqual([]);
    const all = await api.get(`${base}?q=envelope`);
    expect(all.json().items.map((i: { id: string }) => i.id)).toEqual([item.id]);

    const log = await api.get(`/api/v1/backoffice/changes?entityId=${item.id}`);
    expect(log.json().changes).toHaveLength(3);
    expect(log.json().changes[0]).toMatchObject({
      before: { active: true },
      after: { active: false },
    });
  });
});

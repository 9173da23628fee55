import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeApp,
  openBackOffice,
  newCatalogue,
  newContract,
  newService,
  type BackOfficeApi,
  type Created,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import type { TestApp } from '@test/harness.ts';

describe('back-office tariffs', () => {
  let t: TestApp;
  let api: BackOfficeApi;
  let contract: Created;

  const tariffsOf = (service: Created) => `/api/v1/backoffice/services/${service.id}/tariffs`;

  beforeAll(async () => {
    ({ t, api } = await openBackOffice());
    contract = (await newCatalogue(api)).contract;
  });
  afterAll(() => closeApp(t));

  it('refuses an overlapping period with 409, and accepts one after closing the open tariff', async () => {
    const service = await newService(api, contract.id);
    const first = await api.post(tariffsOf(service), {
      amountCents: 1500,
      validFrom: '2026-01-01',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().tariff).toMatchObject({
      contractId: contract.id,
      validTo: null,
      inUse: false,
    });

    const overlapping = await api.post(tariffsOf(service), {
      amountCents: 1800,
      validFrom: '2026-06-01',
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().error.code).toBe('CONFLICT');
    expect(overlapping.json().error.message).toContain('a partir de 01/01/2026');
    expect(overlapping.json().error.message).toContain('não podem se sobrepor');

    const firstId = first.json().tariff.id;
    const closed = await api.patch(`/api/v1/backoffice/tariffs/${firstId}`, {
      validTo: '2026-12-31',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().tariff.validTo).toBe('2026-12-31');

    const sameLastDay = await api.post(tariffsOf(service), {
      amountCents: 1800,
      validFrom: '2026-12-31',
    });
    expect(sameLastDay.statusCode).toBe(409);
    const next = await api.post(tariffsOf(service), { amountCents: 1800, validFrom: '2027-01-01' });
    expect(next.statusCode).toBe(201);

    const reopened = await api.patch(`/api/v1/backoffice/tariffs/${firstId}`, { validTo: null });
    expect(reopened.statusCode).toBe(409);

    const listed = await api.get(tariffsOf(service));
    expect(listed.json().tariffs.map((x: { amountCents: number }) => x.amountCents)).toEqual([
      1800, 1500,
    ]);
    expect(listed.json().page.total).toBe(2);

    const log = await api.get(`/api/v1/backoffice/changes?entity=tariff&entityId=${firstId}`);
    expect(log.json().changes[0]).toMatchObject({
      action: 'update',
      before: { validTo: null },
      after: { validTo: '2026-12-31' },
    });
  });

  it('lets one of several concurrent overlapping creations win; the rest get 409', async () => {
    const service = await newService(api, contract.id);
    const responses = await Promise.all(
      ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'].map((validFrom) =>
        api.post(tariffsOf(service), { amountCents: 990, validFrom }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    const listed = await api.get(tariffsOf(service));
    expect(listed.json().tariffs).toHaveLength(1);
  });

  it('refuses a reversed period, and a contract of another client', async () => {
    const service = await newService(api, contract.id);
    const reversed = await api.post(tariffsOf(service), {
      amountCents: 100,
      validFrom: '2026-05-01',
      validTo: '2026-04-30',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0].field).toBe('body.validTo');

    const other = await newCatalogue(api);
    const foreign = await api.post(tariffsOf(service), {
      contractId: other.contract.id,
      amountCents: 100,
      validFrom: '2026-05-01',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].field).toBe('body.contractId');

    const sameClient = await newContract(api, contract.clientId as string);
    const second = await api.post(tariffsOf(service), {
      contractId: sameClient.id,
      amountCents: 100,
      validFrom: '2026-05-01',
    });
    expect(second.statusCode).toBe(201);
  });

  it('corrects the amount of a tariff no protocol has used', async () => {
    const service = await newService(api, contract.id);
    const tariff = (
      await api.post(tariffsOf(service), { amountCents: 100, validFrom: '2026-01-01' })
    ).json().tariff;
    const fixed = await api.patch(`/api/v1/backoffice/tariffs/${tariff.id}`, { amountCents: 120 });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().tariff.amountCents).toBe(120);
  });
});

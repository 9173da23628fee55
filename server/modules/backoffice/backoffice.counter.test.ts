import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backOfficeApi,
  claimForm,
  closeApp,
  newCatalogue,
  type BackOfficeApi,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import { addDays, localDate } from '@shared/time.ts';
import { apiAs, CPFS, serviceId, STAFF, type Api } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

/** A catalogue built from scratch through the back office, then served at the counter. */
describe('a new catalogue entry at the counter', () => {
  let t: TestApp;
  let office: BackOfficeApi;
  let counter: Api;

  beforeAll(async () => {
    t = await createTestApp();
    office = backOfficeApi(t, await t.signIn(STAFF.backOffice));
    counter = apiAs(t, await t.signIn(STAFF.esmeralda));
  });
  afterAll(() => closeApp(t));

  const attend = (api: Api, service: string, label: string) =>
    api.post('/api/v1/attendances/in-person', {
      serviceId: service,
      citizen: { document: CPFS[0], name: 'Maria da Silva' },
      formData: { nome: `Maria da Silva (${label})`, cpf: CPFS[0] },
      documentsChecked: ['identidade'],
    });

  it('serves it, and old protocols keep their form version and captured price', async () => {
    const { client, service } = await newCatalogue(office);
    const forms = `/api/v1/backoffice/services/${service.id}/forms`;
    await office.put(`${forms}/draft`, { definition: claimForm('Nome completo') });
    expect((await office.post(`${forms}/draft/publish`)).statusCode).toBe(200);
    const tariff = await office.post(`/api/v1/backoffice/services/${service.id}/tariffs`, {
      amountCents: 1500,
      validFrom: '2026-01-01',
    });
    expect(tariff.statusCode).toBe(201);
    const tariffId = tariff.json().tariff.id;

    // The attendant finds it the way the "Atendimento" screen does, and serves a citizen.
    const found = await serviceId(counter, client.code as string, service.code as string);
    expect(found).toBe(service.id);
    const attended = await attend(counter, found, 'v1');
    expect(attended.statusCode).toBe(201);
    const first = attended.json().protocol;
    expect(first).toMatchObject({ status: 'pending', totalCents: 1500 });

    // A second form version is published; the first protocol still reads version 1.
    await office.put(`${forms}/draft`, { definition: claimForm('Nome do segurado') });
    expect((await office.post(`${forms}/draft/publish`)).json().form.version).toBe(2);
    const detail = await counter.get(`/api/v1/protocols/${first.code}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().form.version).toBe(1);
    expect(detail.json().form.answers[0].label).toBe('Nome completo');

    // The used tariff is frozen: a new price is a new tariff, from tomorrow.
    const edit = await office.patch(`/api/v1/backoffice/tariffs/${tariffId}`, {
      amountCents: 2000,
    });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().error.code).toBe('RULE_VIOLATED');
    const today = localDate(t.clock.now());
    const tomorrow = localDate(addDays(t.clock.now(), 1));
    const closed = await office.patch(`/api/v1/backoffice/tariffs/${tariffId}`, { validTo: today });
    expect(closed.json().tariff).toMatchObject({ validTo: today, amountCents: 1500, inUse: true });
    const raised = await office.post(`/api/v1/backoffice/services/${service.id}/tariffs`, {
      amountCents: 2000,
      validFrom: tomorrow,
    });
    expect(raised.statusCode).toBe(201);

    t.clock.advanceDays(1);
    const nextDay = apiAs(t, await t.signIn(STAFF.esmeralda));
    const later = await attend(nextDay, service.id, 'v2');
    expect(later.json().protocol.totalCents).toBe(2000);
    expect(
      (await nextDay.get(`/api/v1/protocols/${later.json().protocol.code}`)).json().form.version,
    ).toBe(2);

    const before = (await nextDay.get(`/api/v1/protocols/${first.code}`)).json();
    expect(before.protocol.totalCents).toBe(1500);
    expect(before.lines[0]).toMatchObject({ unitCents: 1500, totalCents: 1500 });
    expect(before.form.version).toBe(1);
  });
});

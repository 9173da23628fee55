import { generateCnpj } from '@brazilian-utils/brazilian-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeApp,
  openBackOffice,
  newClient,
  newContract,
  type BackOfficeApi,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import { apiAs, STAFF } from '@test/factories.ts';
import type { TestApp } from '@test/harness.ts';

describe('back-office clients and contracts', () => {
  let t: TestApp;
  let api: BackOfficeApi;

  beforeAll(async () => {
    ({ t, api } = await openBackOffice());
  });
  afterAll(() => closeApp(t));

  it('creates a client from a masked CNPJ, stores it unmasked, and finds it by name', async () => {
    const cnpj = generateCnpj();
    const masked = `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;
    const client = await newClient(api, {
      name: 'Departamento Estadual de Trânsito',
      cnpj: masked,
    });
    expect(client).toMatchObject({ cnpj, kind: 'private', active: true });

    const listed = await api.get('/api/v1/backoffice/clients?q=transito&kind=private');
    expect(listed.json().clients.map((c: { id: string }) => c.id)).toContain(client.id);

    const updated = await api.patch(`/api/v1/backoffice/clients/${client.id}`, { kind: 'public' });
    expect(updated.json().client.kind).toBe('public');
  });

  it('refuses an invalid CNPJ with 400 naming the field', async () => {
    const response = await api.post('/api/v1/backoffice/clients', {
      code: 'RUIM',
      name: 'Cliente Ruim',
      cnpj: '11.222.333/0001-00',
      kind: 'public',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'body.cnpj', code: 'cnpj' }],
    });
  });

  it('refuses a CNPJ or code already taken with 409, also on update', async () => {
    const first = await newClient(api);
    const second = await newClient(api);
    const sameCnpj = await api.post('/api/v1/backoffice/clients', {
      code: 'OUTRO',
      name: 'Outro',
      cnpj: first.cnpj,
      kind: 'public',
    });
    expect(sameCnpj.statusCode).toBe(409);
    expect(sameCnpj.json().error.fields[0].field).toBe('body.cnpj');

    const sameCode = await api.patch(`/api/v1/backoffice/clients/${second.id}`, {
      code: first.code,
    });
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json().error.message).toContain('sigla');
  });

  it('creates, lists and updates contracts of a client', async () => {
    const client = await newClient(api);
    const contract = await newContract(api, client.id, { modality: 'invoiced', number: 'C-7788' });
    expect(contract).toMatchObject({ clientId: client.id, allowsAssociatedItems: false });

    const listed = await api.get(`/api/v1/backoffice/clients/${client.id}/contracts?q=7788`);
    expect(listed.json().contracts.map((c: { id: string }) => c.id)).toEqual([contract.id]);

    const updated = await api.patch(`/api/v1/backoffice/contracts/${contract.id}`, {
      allowsAssociatedItems: true,
      validTo: '2027-12-31',
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().contract).toMatchObject({ allowsAssociatedItems: true });

    const log = await api.get(`/api/v1/backoffice/changes?entity=contract&entityId=${contract.id}`);
    expect(log.json().changes).toHaveLength(2);
  });

  it('refuses bad contract codes, a reversed period and a duplicate number', async () => {
    const client = await newClient(api);
    const contract = await newContract(api, client.id);
    const base = `/api/v1/backoffice/clients/${client.id}/contracts`;
    const body = {
      number: 'N-1',
      adminCode: '1234',
      postalCard: '0012345678',
      modality: 'cash',
      validFrom: '2026-01-01',
    };
    const badCode = await api.post(base, body);
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.fields[0].field).toBe('body.adminCode');

    const reversed = await api.post(base, {
      ...body,
      adminCode: '12345678',
      validTo: '2025-12-31',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0].field).toBe('body.validTo');

    const duplicate = await api.post(base, {
      ...body,
      adminCode: '12345678',
      number: contract.number,
    });
    expect(duplicate.statusCode).toBe(409);

    const missing = await api.get(
      '/api/v1/backoffice/clients/00000000-0000-4000-8000-000000000000/contracts',
    );
    expect(missing.statusCode).toBe(404);
  });

  it('keeps clients closed to counter staff and anonymous callers', async () => {
    expect((await apiAs(t).get('/api/v1/backoffice/clients')).statusCode).toBe(401);
    const attendant = apiAs(t, await t.signIn(STAFF.esmeralda));
    expect((await attendant.get('/api/v1/backoffice/clients')).statusCode).toBe(403);
  });

  it('lets one of several concurrent creations with the same CNPJ win; the rest get 409', async () => {
    const cnpj = generateCnpj();
    const responses = await Promise.all(
      ['RACE-A', 'RACE-B', 'RACE-C'].map((code) =>
        api.post('/api/v1/backoffice/clients', { code, name: 'Concorrente', cnpj, kind: 'public' }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409, 409]);
    const listed = await api.get('/api/v1/backoffice/clients?q=concorrente');
    expect(listed.json().page.total).toBe(1);
  });
});

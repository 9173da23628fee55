import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeApp,
  openBackOffice,
  unique,
  type BackOfficeApi,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import { apiAs, STAFF } from '@test/factories.ts';
import type { TestApp } from '@test/harness.ts';

describe('back-office staff', () => {
  let t: TestApp;
  let api: BackOfficeApi;
  let agencyId: string;

  const signIn = (registration: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sessions',
      payload: { registration, password },
    });

  beforeAll(async () => {
    ({ t, api } = await openBackOffice());
    agencyId = (await api.get('/api/v1/backoffice/agencies?q=00001002')).json().agencies[0].id;
  });
  afterAll(() => closeApp(t));

  it('creates an attendant whose initial password signs in, and never shows a hash', async () => {
    const registration = `7${unique()}`.padEnd(8, '0').slice(0, 8);
    const response = await api.post('/api/v1/backoffice/staff', {
      registration,
      name: 'Gabriela Nunes',
      role: 'attendant',
      agencyId,
      password: 'senha-inicial-1',
    });
    expect(response.statusCode).toBe(201);
    expect(response.body).not.toContain('scrypt');
    expect(response.json().staff).toEqual({
      id: expect.any(String),
      registration,
      name: 'Gabriela Nunes',
      role: 'attendant',
      agencyId,
      active: true,
      version: 1,
    });
    expect((await signIn(registration, 'senha-inicial-1')).statusCode).toBe(200);

    const listed = await api.get(`/api/v1/backoffice/staff?agencyId=${agencyId}&role=attendant`);
    expect(listed.body).not.toContain('password');
    expect(listed.json().staff.map((s: { registration: string }) => s.registration)).toContain(
      registration,
    );

    const log = await api.get(`/api/v1/backoffice/changes?entityId=${response.json().staff.id}`);
    expect(log.body).not.toContain('scrypt');
    expect(log.body).not.toContain('senha-inicial-1');
  });

  it('resets a password and ends the sessions opened with the old one', async () => {
    const target = (await api.get(`/api/v1/backoffice/staff?q=${STAFF.goiania}`)).json().staff[0];
    const oldToken = await t.signIn(STAFF.goiania);
    const reset = await api.post(`/api/v1/backoffice/staff/${target.id}/password`, {
      password: 'nova-senha-2026',
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().staff.registration).toBe(STAFF.goiania);

    expect((await apiAs(t, oldToken).get('/api/v1/clients')).statusCode).toBe(401);
    expect((await signIn(STAFF.goiania, 'nova-senha-2026')).statusCode).toBe(200);
    expect((await signIn(STAFF.goiania, 'ster1234')).statusCode).toBe(401);
  });

  it('requires an agency for counter roles and refuses duplicates and short passwords', async () => {
    const body = {
      registration: STAFF.esmeralda,
      name: 'X',
      role: 'supervisor',
      password: '12345678',
    };
    const noAgency = await api.post('/api/v1/backoffice/staff', body);
    expect(noAgency.statusCode).toBe(400);
    expect(noAgency.json().error.fields[0].field).toBe('body.agencyId');

    const duplicate = await api.post('/api/v1/backoffice/staff', { ...body, agencyId });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.fields[0].field).toBe('body.registration');

    const short = await api.post('/api/v1/backoffice/staff', {
      ...body,
      agencyId,
      password: '123',
    });
    expect(short.statusCode).toBe(400);

    const target = (await api.get(`/api/v1/backoffice/staff?q=${STAFF.aguaSanta}`)).json().staff[0];
    const dropAgency = await api.patch(`/api/v1/backoffice/staff/${target.id}`, { agencyId: null });
    expect(dropAgency.statusCode).toBe(400);
  });

  it('lets only an admin create an admin, and nobody lock themselves out', async () => {
    const admin = await api.post('/api/v1/backoffice/staff', {
      registration: '99999001',
      name: 'Admin Novo',
      role: 'admin',
      password: 'senha-admin-1',
    });
    expect(admin.statusCode).toBe(403);

    const self = (await api.get(`/api/v1/backoffice/staff?q=${STAFF.backOffice}`)).json().staff[0];
    const lockout = await api.patch(`/api/v1/backoffice/staff/${self.id}`, { active: false });
    expect(lockout.statusCode).toBe(422);
    expect(lockout.json().error.code).toBe('RULE_VIOLATED');
  });

  it('deactivating a member of staff ends their access at once', async () => {
    const target = (await api.get(`/api/v1/backoffice/staff?q=${STAFF.esmeraldaColleague}`)).json()
      .staff[0];
    const token = await t.signIn(STAFF.esmeraldaColleague);
    const response = await api.patch(`/api/v1/backoffice/staff/${target.id}`, { active: false });
    expect(response.json().staff.active).toBe(false);
    expect((await apiAs(t, token).get('/api/v1/clients')).statusCode).toBe(401);
  });
});

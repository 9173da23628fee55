import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  closeTestApp,
  createPartner,
  type TestPartner,
} from '@server/modules/partner/partner.fixtures.ts';
import { apiAs, STAFF, type Api } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

type Change = {
  entity: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  actorLabel: string;
};

let t: TestApp;
let partner: TestPartner;
let backOffice: Api;

beforeAll(async () => {
  vi.stubEnv('STER_ALLOW_PRIVATE_CALLBACKS', 'true');
  t = await createTestApp();
  partner = await createPartner(t);
  backOffice = apiAs(t, await t.signIn(STAFF.backOffice));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await closeTestApp(t);
});

async function changes(): Promise<Change[]> {
  const response = await backOffice.get(`/api/v1/backoffice/partners/${partner.id}/changes`);
  expect(response.statusCode).toBe(200);

  return response.json<{ changes: Change[] }>().changes;
}

describe('audit trail of partners and credentials', () => {
  it('records creation, URL change, issue, rotation and revocation, never a secret', async () => {
    const token = await t.signIn(STAFF.backOffice);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/backoffice/partners/${partner.id}`,
      headers: { authorization: `Bearer ${token}` },
      payload: { confirmationUrl: 'http://127.0.0.1:9/novas' },
    });
    expect(patched.statusCode).toBe(200);
    const detail = patched.json<{ partner: { credentials: { id: string }[] } }>().partner;
    const first = detail.credentials[0]?.id ?? '';
    const rotated = await backOffice.post(
      `/api/v1/backoffice/partners/${partner.id}/credentials/${first}/rotate`,
    );
    expect(rotated.statusCode).toBe(201);
    const issued = rotated.json<{ credential: { id: string }; token: string }>();
    const revoked = await backOffice.post(
      `/api/v1/backoffice/partners/${partner.id}/credentials/${issued.credential.id}/revoke`,
    );
    expect(revoked.statusCode).toBe(200);
    await backOffice.post(`/api/v1/backoffice/partners/${partner.id}/webhook-secret/rotate`);

    const log = await changes();
    expect(log.every((change) => change.actorLabel.startsWith(STAFF.backOffice))).toBe(true);
    const text = JSON.stringify(log);
    expect(text).not.toContain(partner.token);
    expect(text).not.toContain(issued.token);
    expect(text).not.toContain(partner.webhookSecret);

    const partnerChanges = log.filter((change) => change.entity === 'partner');
    expect(partnerChanges.at(-1)).toMatchObject({ action: 'create', before: null });
    expect(partnerChanges).toContainEqual(
      expect.objectContaining({
        before: expect.objectContaining({ confirmationUrl: null }),
        after: expect.objectContaining({ confirmationUrl: 'http://127.0.0.1:9/novas' }),
      }),
    );
    expect(partnerChanges[0]).toMatchObject({
      before: { webhookSecretVersion: 1 },
      after: { webhookSecretVersion: 2 },
    });

    const firstLog = log.filter((change) => change.entityId === first);
    expect(firstLog.map((change) => change.action)).toEqual(['update', 'create']);
    expect(firstLog[0]?.before?.revokedAt).toBeNull();
    expect(firstLog[0]?.after.revokedAt).toEqual(expect.any(String));
    const secondLog = log.filter((change) => change.entityId === issued.credential.id);
    expect(secondLog.map((change) => change.action)).toEqual(['update', 'create']);
    expect(secondLog[1]?.after).toMatchObject({ mode: 'live', tokenHint: issued.token.slice(-4) });
  });

  it('is for back office only, and 404 for an unknown partner', async () => {
    const attendant = apiAs(t, await t.signIn(STAFF.esmeralda));
    const refused = await attendant.get(`/api/v1/backoffice/partners/${partner.id}/changes`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
    const unknown = await backOffice.get(
      '/api/v1/backoffice/partners/00000000-0000-4000-8000-000000000000/changes',
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('is also listed in the back-office change log by entity', async () => {
    const response = await backOffice.get('/api/v1/backoffice/changes?entity=partnerCredential');
    expect(response.statusCode).toBe(200);
    const listed = response.json<{ changes: { entity: string }[] }>().changes;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((change) => change.entity === 'partnerCredential')).toBe(true);
  });
});

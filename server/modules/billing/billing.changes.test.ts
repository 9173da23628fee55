import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newClient,
  newContract,
  openBackOffice,
  type BackOfficeApi,
} from '@server/modules/backoffice/backoffice.test-support.ts';
import type { TestApp } from '@test/harness.ts';

let t: TestApp;
let api: BackOfficeApi;
let contract: string;

beforeAll(async () => {
  ({ t, api } = await openBackOffice());
  const client = await newClient(api);
  contract = (await newContract(api, client.id, { modality: 'invoiced' })).id;
});

afterAll(async () => {
  await t?.close();
});

const STATEMENTS = '/api/v1/billing/statements';
const keyed = (key: string) => ({ 'idempotency-key': key });

describe('statements under an Idempotency-Key', () => {
  it('replays a generation and refuses the key with another body', async () => {
    const first = await api.post(STATEMENTS, { contractId: contract }, keyed('generate-0001'));
    expect(first.statusCode).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const again = await api.post(STATEMENTS, { contractId: contract }, keyed('generate-0001'));
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());

    const reused = await api.post(
      STATEMENTS,
      { contractId: contract, day: '2020-01-10' },
      keyed('generate-0001'),
    );
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const drafts = await t.ctx.db
      .selectFrom('statements')
      .select('periodStart')
      .where('contractId', '=', contract)
      .execute();
    expect(drafts).toHaveLength(1);
  });

  it('replays an issue and refuses the key for another statement', async () => {
    const draft = (await api.post(STATEMENTS, { contractId: contract })).json<{ id: string }>();
    const url = `${STATEMENTS}/${draft.id}/issue`;
    const issued = await api.post(url, undefined, keyed('issue-000001'));
    expect(issued.statusCode).toBe(200);
    expect(issued.json().status).toBe('issued');

    const again = await api.post(url, undefined, keyed('issue-000001'));
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(issued.json());
    const deliveries = (await api.get(`${STATEMENTS}/${draft.id}/deliveries`)).json().deliveries;
    expect(deliveries).toHaveLength(1);

    const other = (await api.post(STATEMENTS, { contractId: contract, day: '2020-01-10' })).json<{
      id: string;
    }>();
    const reused = await api.post(
      `${STATEMENTS}/${other.id}/issue`,
      undefined,
      keyed('issue-000001'),
    );
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await api.get(`${STATEMENTS}/${other.id}`)).json().status).toBe('draft');
  });

  it('refuses a malformed key, naming the header', async () => {
    const refused = await api.post(STATEMENTS, { contractId: contract }, keyed('short'));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    expect(refused.json().error.fields[0].field).toMatch(/idempotency-key/);
  });
});

describe('billing period in the change log', () => {
  it('records who changed it, with the period before and after', async () => {
    const changed = await api.patch(`/api/v1/billing/contracts/${contract}`, {
      billingPeriod: 'fortnightly',
    });
    expect(changed.statusCode).toBe(200);

    const log = await api.get(`/api/v1/backoffice/changes?entity=contract&entityId=${contract}`);
    expect(log.json().changes[0]).toMatchObject({
      action: 'update',
      before: { billingPeriod: 'monthly' },
      after: { billingPeriod: 'fortnightly' },
      actor: { label: expect.stringContaining('90000001') },
    });
  });

  it('logs nothing when the contract does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const refused = await api.patch(`/api/v1/billing/contracts/${missing}`, {
      billingPeriod: 'monthly',
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('NOT_FOUND');
    const log = await api.get(`/api/v1/backoffice/changes?entity=contract&entityId=${missing}`);
    expect(log.json().changes).toEqual([]);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '@server/modules/audit/audit-verify.ts';
import {
  apiAs,
  counterReference,
  createPending,
  createPreAttendance,
  serviceId,
  STAFF,
  type Api,
} from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

describe('the audit hash chain', () => {
  let t: TestApp;
  let api: Api;
  let finalised: string;
  let cancelled: string;

  const protocolId = async (code: string) =>
    (
      await t.ctx.db
        .selectFrom('protocols')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await createTestApp();
    api = apiAs(t, await t.signIn(STAFF.esmeralda));
    const cpfService = await serviceId(api, 'RFB', '20101');

    finalised = await createPending(api, { serviceId: cpfService });
    await api.post(`/api/v1/counter/protocols/${finalised}/generate`);
    await api.post(`/api/v1/counter/protocols/${finalised}/finalise`, counterReference());
    await api.post(`/api/v1/counter/protocols/${finalised}/reverse`, {
      reason: 'Cobrança em duplicidade',
    });
    cancelled = await createPending(api, { serviceId: cpfService });
    await api.post(`/api/v1/counter/protocols/${cancelled}/cancel`, { reason: 'operatorError' });
    const pre = await createPreAttendance(apiAs(t), { serviceId: cpfService });
    await api.post(`/api/v1/protocols/${pre}/complete`, {
      documentsChecked: ['identidade', 'residencia'],
    });
  });
  afterAll(() => t.close());

  it('verifies with no break after a full flow', async () => {
    const report = await verifyAuditChains(t.ctx.db);
    expect(report.broken).toEqual([]);
    expect(report.protocols).toBeGreaterThanOrEqual(3);
    expect(report.events).toBeGreaterThanOrEqual(8);
  });

  it('refuses UPDATE and DELETE on events through the append-only trigger', async () => {
    const id = await protocolId(finalised);
    await expect(
      sql`update protocol_events set reason = 'apagado' where protocol_id = ${id}`.execute(
        t.ctx.db,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from protocol_events where protocol_id = ${id}`.execute(t.ctx.db),
    ).rejects.toThrow(/append-only/);
    expect((await verifyAuditChains(t.ctx.db)).broken).toEqual([]);
  });

  describe('when someone with superuser rights bypasses the trigger', () => {
    const bypassing = async (statement: ReturnType<typeof sql>) => {
      await sql`alter table protocol_events disable trigger protocol_events_append_only`.execute(
        t.ctx.db,
      );
      try {
        await statement.execute(t.ctx.db);
      } finally {
        await sql`alter table protocol_events enable trigger protocol_events_append_only`.execute(
          t.ctx.db,
        );
      }
    };

    it('reports an edited event', async () => {
      const id = await protocolId(finalised);
      await bypassing(
        sql`update protocol_events set reason = 'Pedido do cliente' where protocol_id = ${id} and sequence = 4`,
      );
      const report = await verifyAuditChains(t.ctx.db);
      expect(report.broken).toEqual([
        { protocolCode: finalised, sequence: 4, problem: 'event content does not match its hash' },
      ]);
    });

    it('reports a deleted event, and a protocol row out of step with its history', async () => {
      const id = await protocolId(cancelled);
      await bypassing(sql`delete from protocol_events where protocol_id = ${id} and sequence = 2`);
      await sql`update protocols set status = 'pending' where id = ${id}`.execute(t.ctx.db);
      const problems = (await verifyAuditChains(t.ctx.db)).broken
        .filter((entry) => entry.protocolCode === cancelled)
        .map((entry) => entry.problem);
      expect(problems).toEqual(
        expect.arrayContaining([
          'event count differs from the protocol row',
          'chain head differs from the protocol row',
        ]),
      );
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProtocolRepository } from '@server/modules/protocol/protocol.repository.ts';
import { apiAs, createPreAttendance, serviceId, STAFF } from '@test/factories.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

const protocols = createProtocolRepository();

// Two transactions at once need two connections: PGlite has one, so this runs on PostgreSQL.
describe.runIf(process.env.DATABASE_URL)('the locked protocol view', () => {
  let t: TestApp;
  let cpfService: string;

  beforeAll(async () => {
    t = await createTestApp();
    const api = apiAs(t, await t.signIn(STAFF.esmeralda));
    cpfService = await serviceId(api, 'RFB', '20101');
  });
  afterAll(() => t.close());

  it('shows the joins and lines of a change committed while it waited for the lock', async () => {
    const api = apiAs(t);
    const code = await createPreAttendance(api, { serviceId: cpfService });
    const staff = await t.ctx.db
      .selectFrom('staff as st')
      .innerJoin('agencies as a', 'a.id', 'st.agencyId')
      .select(['st.id', 'st.agencyId', 'a.code as agencyCode'])
      .where('st.registration', '=', STAFF.esmeralda)
      .executeTakeFirstOrThrow();

    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));

    // A completion-like change: priced, moved to the agency, one more event.
    const change = t.ctx.db.transaction().execute(async (tx) => {
      const row = await protocols.lockByCode(tx, code);
      if (!row) throw new Error('protocol not found');
      await tx
        .updateTable('protocols')
        .set({
          agencyId: staff.agencyId,
          attendantId: staff.id,
          status: 'pending',
          totalCents: 1000,
          eventCount: row.eventCount + 1,
        })
        .where('id', '=', row.id)
        .execute();
      await tx
        .insertInto('protocolLines')
        .values({
          protocolId: row.id,
          lineNumber: 1,
          kind: 'service',
          itemCode: '20101',
          description: 'linha',
          quantity: 1,
          unitCents: 1000,
          totalCents: 1000,
        })
        .execute();
      locked();
      await held;

      return row.eventCount + 1;
    });

    await lockTaken;
    const waiting = t.ctx.db.transaction().execute((tx) => protocols.lockViewByCode(tx, code));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    const eventCount = await change;
    const view = await waiting;

    expect(view).toMatchObject({
      status: 'pending',
      eventCount,
      agencyCode: staff.agencyCode,
      attendantRegistration: STAFF.esmeralda,
    });
    expect(view?.lines.map((line) => line.totalCents)).toEqual([1000]);
  });
});

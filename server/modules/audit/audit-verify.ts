import type { Database } from '@server/db/database.ts';
import { eventHash, genesisHash } from '@server/modules/audit/event-hash.ts';

export type AuditBreak = { protocolCode: string; sequence: number | null; problem: string };

export type AuditReport = { protocols: number; events: number; broken: AuditBreak[] };

const PAGE = 500;

/**
 * Recomputes every protocol's hash chain: an edited, deleted, inserted or reordered event, or a
 * protocol row whose status or chain head disagrees with its history, is reported.
 */
export async function verifyAuditChains(db: Database): Promise<AuditReport> {
  const report: AuditReport = { protocols: 0, events: 0, broken: [] };
  let after = '00000000-0000-0000-0000-000000000000';

  for (;;) {
    const protocols = await db
      .selectFrom('protocols')
      .select(['id', 'code', 'status', 'eventCount', 'lastEventHash'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (protocols.length === 0) {
      return report;
    }
    after = protocols[protocols.length - 1]?.id ?? after;

    const events = await db
      .selectFrom('protocolEvents')
      .selectAll()
      .where(
        'protocolId',
        'in',
        protocols.map((protocol) => protocol.id),
      )
      .orderBy('protocolId')
      .orderBy('sequence')
      .execute();

    for (const protocol of protocols) {
      report.protocols += 1;
      const own = events.filter((event) => event.protocolId === protocol.id);
      let previous = genesisHash(protocol.id, protocol.code);
      const fail = (sequence: number | null, problem: string) =>
        report.broken.push({ protocolCode: protocol.code, sequence, problem });

      own.forEach((event, index) => {
        report.events += 1;
        if (event.sequence !== index + 1) fail(event.sequence, 'sequence gap or reorder');
        if (event.prevHash !== previous) fail(event.sequence, 'previous hash does not match');
        const { hash, id: _id, ...fields } = event;
        if (eventHash(fields) !== hash)
          fail(event.sequence, 'event content does not match its hash');
        previous = hash;
      });
      const last = own[own.length - 1];
      if (own.length !== protocol.eventCount)
        fail(null, 'event count differs from the protocol row');
      if ((last?.hash ?? null) !== protocol.lastEventHash)
        fail(null, 'chain head differs from the protocol row');
      if (last && last.toStatus !== protocol.status)
        fail(null, 'status differs from the last event');
    }
  }
}

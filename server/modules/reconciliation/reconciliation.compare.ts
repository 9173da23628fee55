import type {
  CounterProtocol,
  DifferenceDraft,
} from '@server/modules/reconciliation/reconciliation.repository.ts';
import type { CounterRow, ErpRow } from '@server/modules/reconciliation/reconciliation.files.ts';

type Reference = { till: string; entryNumber: string; attendanceNumber: string };

export function referenceKey(ref: Reference): string {
  return `${ref.till}|${ref.entryNumber}|${ref.attendanceNumber}`;
}

export function referenceLabel(ref: Reference): string {
  return `caixa ${ref.till}, lançamento ${ref.entryNumber}, atendimento ${ref.attendanceNumber}`;
}

/** What STER knows of a counter reference that is not among the day's finalised protocols. */
export type ReferenceLookup = (row: CounterRow) => Promise<
  | {
      id: string;
      code: string;
      status: string;
      totalCents: number | null;
    }
  | undefined
>;

/**
 * Compares the counter's day file with STER's protocols finalised that day at that agency and
 * lists every difference, item by item. Nothing is matched by approximation: a reference is the
 * same attendance only when till, entry and attendance numbers are all equal.
 */
export async function compareCounterDay(
  agencyId: string,
  rows: CounterRow[],
  ster: CounterProtocol[],
  lookup: ReferenceLookup,
): Promise<DifferenceDraft[]> {
  const byKey = new Map(ster.map((protocol) => [referenceKey(protocol), protocol]));
  const seen = new Set<string>();
  const differences: DifferenceDraft[] = [];
  const base = { agencyId, sterCents: null, reportedCents: null };
  for (const row of rows) {
    const key = referenceKey(row);
    const reference = `${referenceLabel(row)} (linha ${row.line})`;
    if (seen.has(key)) {
      differences.push({
        ...base,
        kind: 'unknownInSter',
        protocolId: null,
        protocolCode: null,
        reference: `${reference}: repetido no arquivo`,
        reportedCents: row.cents,
      });
      continue;
    }
    seen.add(key);
    const protocol = byKey.get(key) ?? (await lookup(row));
    if (!protocol) {
      differences.push({
        ...base,
        kind: 'unknownInSter',
        protocolId: null,
        protocolCode: null,
        reference,
        reportedCents: row.cents,
      });
    } else if (protocol.status !== 'finalised' || !byKey.has(key)) {
      differences.push({
        ...base,
        kind: protocol.status === 'finalised' ? 'unknownInSter' : 'notFinalisedInSter',
        protocolId: protocol.id,
        protocolCode: protocol.code,
        reference:
          protocol.status === 'finalised' ? `${reference}: finalizado em outro dia` : reference,
        sterCents: protocol.totalCents,
        reportedCents: row.cents,
      });
    } else if (protocol.totalCents !== row.cents) {
      differences.push({
        ...base,
        kind: 'amountDiffers',
        protocolId: protocol.id,
        protocolCode: protocol.code,
        reference,
        sterCents: protocol.totalCents,
        reportedCents: row.cents,
      });
    }
  }
  for (const protocol of ster) {
    if (protocol.status === 'finalised' && !seen.has(referenceKey(protocol))) {
      differences.push({
        ...base,
        kind: 'absentAtCounter',
        protocolId: protocol.id,
        protocolCode: protocol.code,
        reference: referenceLabel(protocol),
        sterCents: protocol.totalCents,
      });
    }
  }

  return differences;
}

export type BilledProtocol = {
  statementNumber: string;
  protocolId: string;
  protocolCode: string;
  agencyId: string | null;
  cents: number;
};

export type UnbilledProtocol = {
  id: string;
  code: string;
  agencyId: string | null;
  totalCents: number | null;
};

/**
 * Compares the ERP's acknowledgement file with what STER's issued statements billed: a protocol
 * charged on more than one row is billed twice; a row STER did not bill is unknown; a billed
 * protocol the ERP does not list, or a billable one no statement charged, was billed never.
 */
export function compareErp(
  rows: ErpRow[],
  billed: BilledProtocol[],
  unbilled: UnbilledProtocol[],
): DifferenceDraft[] {
  const sterByRow = new Map(
    billed.map((item) => [`${item.statementNumber}|${item.protocolCode}`, item]),
  );
  const agencyOf = new Map(billed.map((item) => [item.protocolCode, item.agencyId]));
  const differences: DifferenceDraft[] = [];
  const charges = new Map<string, ErpRow[]>();
  const listed = new Set<string>();
  for (const row of rows) {
    const key = `${row.statementNumber}|${row.protocolCode}`;
    const ster = sterByRow.get(key);
    const reference = `extrato ${row.statementNumber} (linha ${row.line})`;
    if (row.cents > 0) {
      charges.set(row.protocolCode, [...(charges.get(row.protocolCode) ?? []), row]);
    }
    if (listed.has(key)) {
      continue;
    }
    listed.add(key);
    const common = {
      agencyId: ster?.agencyId ?? agencyOf.get(row.protocolCode) ?? null,
      protocolId: ster?.protocolId ?? null,
      protocolCode: row.protocolCode,
      reference,
      sterCents: ster?.cents ?? null,
      reportedCents: row.cents,
    };
    if (!ster) {
      differences.push({ ...common, kind: 'unknownInSter' });
    } else if (ster.cents !== row.cents) {
      differences.push({ ...common, kind: 'amountDiffers' });
    }
  }
  for (const [protocolCode, charged] of charges) {
    if (charged.length > 1) {
      differences.push({
        agencyId: agencyOf.get(protocolCode) ?? null,
        kind: 'billedTwice',
        protocolId: billed.find((item) => item.protocolCode === protocolCode)?.protocolId ?? null,
        protocolCode,
        reference: charged
          .map((row) => `extrato ${row.statementNumber} (linha ${row.line})`)
          .join('; '),
        sterCents: null,
        reportedCents: charged.reduce((total, row) => total + row.cents, 0),
      });
    }
  }
  for (const item of billed) {
    if (!listed.has(`${item.statementNumber}|${item.protocolCode}`)) {
      differences.push({
        agencyId: item.agencyId,
        kind: 'billedNever',
        protocolId: item.protocolId,
        protocolCode: item.protocolCode,
        reference: `extrato ${item.statementNumber}: ausente no ERP`,
        sterCents: item.cents,
        reportedCents: null,
      });
    }
  }
  for (const protocol of unbilled) {
    differences.push({
      agencyId: protocol.agencyId,
      kind: 'billedNever',
      protocolId: protocol.id,
      protocolCode: protocol.code,
      reference: 'finalizado em período já faturado, sem cobrança no STER',
      sterCents: protocol.totalCents,
      reportedCents: null,
    });
  }

  return differences;
}

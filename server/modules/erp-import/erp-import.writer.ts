import type { Tx } from '@server/db/transaction.ts';
import type { CatalogueEntity } from '@server/modules/backoffice/backoffice.changes.repository.ts';
import {
  tariffKey,
  type Operation,
  type Snapshot,
} from '@server/modules/erp-import/erp-import.plan.ts';

type Values = Record<string, unknown>;

/** Logs one applied change in the catalogue's change log, inside the import's transaction. */
export type LogImportChange = (
  entity: CatalogueEntity,
  id: string,
  before: object | null,
  after: object,
) => Promise<void>;

const TABLES = {
  client: 'clients',
  contract: 'contracts',
  service: 'services',
  tariff: 'tariffs',
} as const;

/** Ids of the records an import refers to, by natural key, filled as it creates them. */
function idsOf(snapshot: Snapshot) {
  const ids = {
    clients: new Map<string, string>(),
    contracts: new Map<string, { id: string; clientCnpj: string }>(),
    services: new Map<string, string>(),
    tariffs: new Map<string, string>(),
  };
  for (const [cnpj, client] of snapshot.clients) if (client.id) ids.clients.set(cnpj, client.id);
  for (const [number, contract] of snapshot.contracts) {
    if (contract.id)
      ids.contracts.set(number, { id: contract.id, clientCnpj: contract.clientCnpj });
  }
  for (const [code, service] of snapshot.services)
    if (service.id) ids.services.set(code, service.id);
  for (const [key, list] of snapshot.tariffs) {
    for (const tariff of list)
      if (tariff.id) ids.tariffs.set(`${key}@${tariff.validFrom}`, tariff.id);
  }

  return ids;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    // The plan was checked against this very snapshot, so a missing key is a bug, not bad input.
    throw new Error(`import plan refers to an unknown ${what}`);
  }

  return value;
}

/** Writes a checked plan, step by step, in the caller's transaction, logging every change. */
export async function writePlan(
  tx: Tx,
  operations: readonly Operation[],
  snapshot: Snapshot,
  context: { now: Date; staffId: string | null; log: LogImportChange },
) {
  const ids = idsOf(snapshot);
  const contractOf = (number: string | undefined) =>
    need(ids.contracts.get(number ?? ''), 'contract');
  const clientOf = (cnpj: string | undefined) => need(ids.clients.get(cnpj ?? ''), 'client');

  const insert = async (op: Operation, values: Values) => {
    const row = await tx
      .insertInto(TABLES[op.entity])
      .values(values as never)
      .returningAll()
      .executeTakeFirstOrThrow();
    await context.log(op.entity, row.id, null, row);

    return row.id;
  };

  const update = async (op: Operation, id: string, values: Values) => {
    const table = TABLES[op.entity];
    const before = await tx
      .selectFrom(table)
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const stamped = op.entity === 'tariff' ? values : { ...values, updatedAt: context.now };
    const after = await tx
      .updateTable(table)
      .set(stamped as never)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await context.log(op.entity, id, before, after);
  };

  for (const op of operations) {
    if (op.action === 'unchanged') {
      continue;
    }
    if (op.entity === 'client') {
      if (op.action === 'create') {
        ids.clients.set(op.key, await insert(op, op.after));
      } else {
        await update(op, need(op.id ?? undefined, 'client'), op.after);
      }
    } else if (op.entity === 'contract') {
      const { clientCnpj = '' } = op.refs;
      if (op.action === 'create') {
        const id = await insert(op, { ...op.after, clientId: clientOf(clientCnpj) });
        ids.contracts.set(op.key, { id, clientCnpj });
      } else {
        await update(op, need(op.id ?? undefined, 'contract'), op.after);
      }
    } else if (op.entity === 'service') {
      const { contractNumber, ...after } = op.after as Values & { contractNumber?: string };
      const contract = contractOf(contractNumber ?? op.refs.contractNumber);
      const values = { ...after, ...(contractNumber ? { contractId: contract.id } : {}) };
      if (op.action === 'create') {
        const id = await insert(op, { ...values, clientId: clientOf(contract.clientCnpj) });
        ids.services.set(op.key, id);
      } else {
        await update(op, need(op.id ?? undefined, 'service'), values);
      }
    } else {
      const key = tariffKey(op.refs.contractNumber ?? '', op.refs.serviceCode ?? '');
      if (op.action === 'create') {
        const id = await insert(op, {
          ...op.after,
          contractId: contractOf(op.refs.contractNumber).id,
          serviceId: need(ids.services.get(op.refs.serviceCode ?? ''), 'service'),
          createdBy: context.staffId,
        });
        ids.tariffs.set(`${key}@${String(op.after.validFrom)}`, id);
      } else {
        const id = op.id ?? need(ids.tariffs.get(`${key}@${op.refs.validFrom}`), 'tariff');
        await update(op, id, op.after);
      }
    }
  }
}

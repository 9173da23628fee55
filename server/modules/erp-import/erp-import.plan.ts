import type {
  ClientRow,
  Column,
  ContractRow,
  ImportRow,
  RowProblem,
  ServiceRow,
  TariffRow,
} from '@server/modules/erp-import/erp-import.rows.ts';

export type ImportEntity = 'client' | 'contract' | 'service' | 'tariff';
export type ImportAction = 'create' | 'change' | 'close' | 'unchanged';

type Values = Record<string, unknown>;

/** One step of an import, in file order; `after` holds what will be written. */
export type Operation = {
  line: number;
  entity: ImportEntity;
  action: ImportAction;
  /** The record's natural key as people read it: CNPJ, contract number, service code… */
  key: string;
  /** The existing record, or null when the import creates it. */
  id: string | null;
  /** Natural keys of the records this one belongs to (for creations). */
  refs: { clientCnpj?: string; contractNumber?: string; serviceCode?: string; validFrom?: string };
  before: Values | null;
  after: Values;
};

export type Summary = Record<ImportAction, number>;

export type Plan = { operations: Operation[]; problems: RowProblem[]; summary: Summary };

export type ClientState = {
  id: string | null;
  cnpj: string;
  code: string;
  name: string;
  kind: string;
};
export type ContractState = {
  id: string | null;
  clientCnpj: string;
  number: string;
  adminCode: string;
  postalCard: string;
  modality: string;
  allowsAssociatedItems: boolean;
  validFrom: string;
  validTo: string | null;
};
export type ServiceState = {
  id: string | null;
  clientCnpj: string;
  contractNumber: string;
  code: string;
  name: string;
  solution: string;
  clientSiteUrl: string | null;
  attendanceTypes: string[];
  preAttendanceExpiryDays: number;
};
export type TariffState = {
  id: string | null;
  amountCents: number;
  validFrom: string;
  validTo: string | null;
  inUse: boolean;
};

/** The part of the catalogue an import touches, keyed the way the ERP names things. */
export type Snapshot = {
  clients: Map<string, ClientState>;
  clientCodes: Map<string, string>;
  contracts: Map<string, ContractState>;
  services: Map<string, ServiceState>;
  tariffs: Map<string, TariffState[]>;
};

export const tariffKey = (contractNumber: string, serviceCode: string) =>
  `${contractNumber}/${serviceCode}`;

function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);

  return day.toISOString().slice(0, 10);
}

const showDate = (date: string | null) => (date ? date.split('-').reverse().join('/') : 'sem fim');

/** The fields whose values differ, as they were and as they will be. */
function differences(current: Values, wanted: Values) {
  const before: Values = {};
  const after: Values = {};
  for (const [field, value] of Object.entries(wanted)) {
    if (JSON.stringify(current[field]) !== JSON.stringify(value)) {
      before[field] = current[field];
      after[field] = value;
    }
  }

  return { before, after, changed: Object.keys(after).length > 0 };
}

class RowRefused extends Error {
  constructor(
    readonly column: Column,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Works out what an import would do to the catalogue, without touching it: which records it
 * creates, changes or closes and which it leaves as they are. Rows are taken in file order, so a
 * contract may refer to a client created a few lines above. Any refused row makes the whole plan
 * unusable: imports are all or nothing.
 */
export function planImport(rows: readonly ImportRow[], snapshot: Snapshot): Plan {
  const state: Snapshot = {
    clients: new Map(snapshot.clients),
    clientCodes: new Map(snapshot.clientCodes),
    contracts: new Map(snapshot.contracts),
    services: new Map(snapshot.services),
    tariffs: new Map(
      [...snapshot.tariffs].map(([key, list]) => [key, list.map((t) => ({ ...t }))]),
    ),
  };
  const operations: Operation[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();

  const push = (op: Operation) => operations.push(op);

  type Base = Pick<Operation, 'line' | 'entity' | 'key' | 'refs'>;

  /** A creation when the record is new, else a change of the fields that differ (or none). */
  const pushUpsert = (
    base: Base,
    existing: { id: string | null } | undefined,
    created: Values,
    diff: () => ReturnType<typeof differences>,
  ) => {
    if (!existing) {
      push({ ...base, action: 'create', id: null, before: null, after: created });

      return;
    }
    const { changed, before, after } = diff();
    push({
      ...base,
      id: existing.id,
      action: changed ? 'change' : 'unchanged',
      before: changed ? before : null,
      after,
    });
  };

  const once = (row: ImportRow, key: string, column: Column) => {
    const earlier = seen.get(`${row.kind}:${key}`);
    if (earlier !== undefined) {
      throw new RowRefused(column, `Registro repetido: já aparece na linha ${earlier}.`);
    }
    seen.set(`${row.kind}:${key}`, row.line);
  };

  const planClient = (row: ClientRow) => {
    once(row, row.cnpj, 'cnpj');
    const holder = state.clientCodes.get(row.code);
    if (holder !== undefined && holder !== row.cnpj) {
      throw new RowRefused('sigla', `A sigla ${row.code} já é de outro cliente (CNPJ ${holder}).`);
    }
    const wanted = { code: row.code, name: row.name, kind: row.clientKind };
    const existing = state.clients.get(row.cnpj);
    const base = { line: row.line, entity: 'client' as const, key: row.cnpj, refs: {} };
    pushUpsert(base, existing, { cnpj: row.cnpj, ...wanted }, () =>
      differences(existing ?? {}, wanted),
    );
    if (existing && existing.code !== row.code) {
      state.clientCodes.delete(existing.code);
    }
    state.clients.set(row.cnpj, { ...(existing ?? { id: null }), cnpj: row.cnpj, ...wanted });
    state.clientCodes.set(row.code, row.cnpj);
  };

  const planContract = (row: ContractRow) => {
    once(row, row.number, 'contrato');
    if (!state.clients.has(row.clientCnpj)) {
      throw new RowRefused(
        'cnpj',
        `Cliente de CNPJ ${row.clientCnpj} não cadastrado nem presente no arquivo.`,
      );
    }
    const existing = state.contracts.get(row.number);
    if (existing && existing.clientCnpj !== row.clientCnpj) {
      throw new RowRefused(
        'contrato',
        `O contrato ${row.number} pertence a outro cliente (CNPJ ${existing.clientCnpj}).`,
      );
    }
    const { line, kind: _kind, clientCnpj, number, ...wanted } = row;
    const base = { line, entity: 'contract' as const, key: number, refs: { clientCnpj } };
    pushUpsert(base, existing, { number, ...wanted }, () => differences(existing ?? {}, wanted));
    state.contracts.set(number, { ...(existing ?? { id: null }), clientCnpj, number, ...wanted });
  };

  const planService = (row: ServiceRow) => {
    once(row, row.code, 'servico');
    const contract = state.contracts.get(row.contractNumber);
    if (!contract) {
      throw new RowRefused(
        'contrato',
        `Contrato ${row.contractNumber} não cadastrado nem presente no arquivo.`,
      );
    }
    const existing = state.services.get(row.code);
    if (existing && existing.clientCnpj !== contract.clientCnpj) {
      throw new RowRefused(
        'servico',
        `O serviço ${row.code} pertence a outro cliente: não pode mudar para o contrato ${row.contractNumber}.`,
      );
    }
    const { line, kind: _kind, code, contractNumber, ...fields } = row;
    const wanted = { ...fields, contractNumber };
    const base = { line, entity: 'service' as const, key: code, refs: { contractNumber } };
    pushUpsert(base, existing, { code, ...wanted }, () =>
      differences(
        { ...existing, attendanceTypes: [...(existing?.attendanceTypes ?? [])].sort() },
        { ...wanted, attendanceTypes: [...wanted.attendanceTypes].sort() },
      ),
    );
    state.services.set(code, {
      ...(existing ?? { id: null }),
      clientCnpj: contract.clientCnpj,
      code,
      ...wanted,
    });
  };

  const planTariff = (row: TariffRow) => {
    const key = tariffKey(row.contractNumber, row.serviceCode);
    once(row, `${key}@${row.validFrom}`, 'inicio');
    const contract = state.contracts.get(row.contractNumber);
    const service = state.services.get(row.serviceCode);
    if (!contract) {
      throw new RowRefused(
        'contrato',
        `Contrato ${row.contractNumber} não cadastrado nem presente no arquivo.`,
      );
    }
    if (!service) {
      throw new RowRefused(
        'servico',
        `Serviço ${row.serviceCode} não cadastrado nem presente no arquivo.`,
      );
    }
    if (service.clientCnpj !== contract.clientCnpj) {
      throw new RowRefused(
        'contrato',
        `O contrato ${row.contractNumber} é de outro cliente que o serviço ${row.serviceCode}.`,
      );
    }
    const list = state.tariffs.get(key) ?? [];
    state.tariffs.set(key, list);
    const label = `${key} desde ${showDate(row.validFrom)}`;
    const refs = { contractNumber: row.contractNumber, serviceCode: row.serviceCode };
    const wanted = { amountCents: row.amountCents, validTo: row.validTo };
    const end = row.validTo ?? '9999-12-31';
    const clashes = list.filter(
      (other) =>
        other.validFrom !== row.validFrom &&
        other.validFrom <= end &&
        (other.validTo ?? '9999-12-31') >= row.validFrom,
    );
    const later = clashes.find((other) => other.validFrom > row.validFrom);
    if (later) {
      throw new RowRefused(
        'inicio',
        `O período ${showDate(row.validFrom)} a ${showDate(row.validTo)} se sobrepõe à tarifa que começa em ${showDate(later.validFrom)}.`,
      );
    }
    const same = list.find((other) => other.validFrom === row.validFrom);
    if (same) {
      const diff = differences(same, wanted);
      if (diff.after.amountCents !== undefined && same.inUse) {
        throw new RowRefused(
          'valor_centavos',
          `A tarifa ${label} já foi usada em protocolos e o valor não pode mudar: envie uma nova tarifa com outro início.`,
        );
      }
      push({
        line: row.line,
        entity: 'tariff',
        action: diff.changed ? 'change' : 'unchanged',
        key: label,
        id: same.id,
        refs,
        before: diff.changed ? diff.before : null,
        after: diff.after,
      });
      Object.assign(same, wanted);
    }
    for (const earlier of clashes) {
      const closedOn = dayBefore(row.validFrom);
      push({
        line: row.line,
        entity: 'tariff',
        action: 'close',
        key: `${key} desde ${showDate(earlier.validFrom)}`,
        id: earlier.id,
        refs: { ...refs, validFrom: earlier.validFrom },
        before: { validTo: earlier.validTo },
        after: { validTo: closedOn },
      });
      earlier.validTo = closedOn;
    }
    if (!same) {
      push({
        line: row.line,
        entity: 'tariff',
        action: 'create',
        key: label,
        id: null,
        refs,
        before: null,
        after: { validFrom: row.validFrom, ...wanted },
      });
      list.push({ id: null, validFrom: row.validFrom, ...wanted, inUse: false });
    }
  };

  for (const row of rows) {
    try {
      if (row.kind === 'client') planClient(row);
      else if (row.kind === 'contract') planContract(row);
      else if (row.kind === 'service') planService(row);
      else planTariff(row);
    } catch (error) {
      if (!(error instanceof RowRefused)) {
        throw error;
      }
      problems.push({ line: row.line, column: error.column, message: error.message });
    }
  }

  return { operations, problems, summary: summarise(operations) };
}

export function summarise(operations: readonly Operation[]): Summary {
  const summary: Summary = { create: 0, change: 0, close: 0, unchanged: 0 };
  for (const op of operations) {
    summary[op.action] += 1;
  }

  return summary;
}

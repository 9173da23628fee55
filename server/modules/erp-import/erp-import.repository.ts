import { sql, type Insertable } from 'kysely';
import type { ErpImportsTable } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';
import type { PageInput, Reader } from '@server/modules/backoffice/backoffice.common.ts';
import { paginate } from '@server/modules/backoffice/backoffice.paging.repository.ts';
import {
  tariffKey,
  type Snapshot,
  type TariffState,
} from '@server/modules/erp-import/erp-import.plan.ts';
import type { ImportRow } from '@server/modules/erp-import/erp-import.rows.ts';

/** Never an empty `in ()`: PostgreSQL refuses it, and no key matches this one. */
const keys = (values: Iterable<string>, none = '\u0001') => {
  const list = [...new Set(values)];

  return list.length > 0 ? list : [none];
};

const NO_ID = '00000000-0000-0000-0000-000000000000';

const inUse = sql<boolean>`(
    exists (select 1 from protocols p where p.tariff_id = tariffs.id)
    or exists (select 1 from protocol_lines l where l.tariff_id = tariffs.id)
  )`.as('inUse');

const IMPORT_COLUMNS = [
  'id',
  'source',
  'format',
  'fileName',
  'summary',
  'status',
  'createdByLabel',
  'createdAt',
  'appliedByLabel',
  'appliedAt',
] as const;

export function createErpImportRepository() {
  return {
    /** Serialises imports: two applied at once would each plan without the other's changes. */
    async lockImports(tx: Tx) {
      await sql`select pg_advisory_xact_lock(hashtext('ster:erp-import'))`.execute(tx);
    },

    /** The catalogue records the rows name, locked when `lock` (the apply step) asks. */
    async snapshot(db: Reader, rows: readonly ImportRow[], lock: boolean): Promise<Snapshot> {
      const cnpjs = rows.flatMap((row) =>
        row.kind === 'client' ? [row.cnpj] : row.kind === 'contract' ? [row.clientCnpj] : [],
      );
      const codes = rows.flatMap((row) => (row.kind === 'client' ? [row.code] : []));
      const numbers = rows.flatMap((row) =>
        row.kind === 'contract'
          ? [row.number]
          : 'contractNumber' in row
            ? [row.contractNumber]
            : [],
      );
      const serviceCodes = rows.flatMap((row) =>
        row.kind === 'service' ? [row.code] : row.kind === 'tariff' ? [row.serviceCode] : [],
      );

      let clientsQuery = db
        .selectFrom('clients')
        .select(['id', 'cnpj', 'code', 'name', 'kind'])
        .where((eb) => eb.or([eb('cnpj', 'in', keys(cnpjs)), eb('code', 'in', keys(codes))]));
      let contractsQuery = db
        .selectFrom('contracts')
        .innerJoin('clients', 'clients.id', 'contracts.clientId')
        .select([
          'contracts.id',
          'clients.cnpj as clientCnpj',
          'contracts.number',
          'contracts.adminCode',
          'contracts.postalCard',
          'contracts.modality',
          'contracts.allowsAssociatedItems',
          'contracts.validFrom',
          'contracts.validTo',
        ])
        .where('contracts.number', 'in', keys(numbers));
      let servicesQuery = db
        .selectFrom('services')
        .innerJoin('contracts', 'contracts.id', 'services.contractId')
        .innerJoin('clients', 'clients.id', 'services.clientId')
        .select([
          'services.id',
          'clients.cnpj as clientCnpj',
          'contracts.number as contractNumber',
          'services.code',
          'services.name',
          'services.solution',
          'services.clientSiteUrl',
          'services.attendanceTypes',
          'services.preAttendanceExpiryDays',
        ])
        .where('services.code', 'in', keys(serviceCodes));
      if (lock) {
        clientsQuery = clientsQuery.forUpdate();
        contractsQuery = contractsQuery.forUpdate();
        servicesQuery = servicesQuery.forUpdate();
      }
      const [clients, contracts, services] = [
        await clientsQuery.execute(),
        await contractsQuery.execute(),
        await servicesQuery.execute(),
      ];

      let tariffsQuery = db
        .selectFrom('tariffs')
        .innerJoin('contracts', 'contracts.id', 'tariffs.contractId')
        .innerJoin('services', 'services.id', 'tariffs.serviceId')
        .select([
          'tariffs.id',
          'contracts.number as contractNumber',
          'services.code as serviceCode',
          'tariffs.amountCents',
          'tariffs.validFrom',
          'tariffs.validTo',
          inUse,
        ])
        .where(
          'tariffs.serviceId',
          'in',
          keys(
            services.map((service) => service.id),
            NO_ID,
          ),
        )
        .orderBy('tariffs.validFrom');
      if (lock) {
        tariffsQuery = tariffsQuery.forUpdate();
      }
      const tariffs = new Map<string, TariffState[]>();
      for (const { contractNumber, serviceCode, ...tariff } of await tariffsQuery.execute()) {
        const key = tariffKey(contractNumber, serviceCode);
        tariffs.set(key, [
          ...(tariffs.get(key) ?? []),
          { ...tariff, amountCents: Number(tariff.amountCents) },
        ]);
      }

      return {
        clients: new Map(clients.map((client) => [client.cnpj, client])),
        clientCodes: new Map(clients.map((client) => [client.code, client.cnpj])),
        contracts: new Map(contracts.map((contract) => [contract.number, contract])),
        services: new Map(services.map((service) => [service.code, service])),
        tariffs,
      };
    },

    insertImport(tx: Tx, values: Insertable<ErpImportsTable>) {
      return tx
        .insertInto('erpImports')
        .values(values)
        .returning(IMPORT_COLUMNS)
        .executeTakeFirstOrThrow();
    },

    findImport(db: Reader, id: string) {
      return db
        .selectFrom('erpImports')
        .select([...IMPORT_COLUMNS, 'rows', 'operations'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    lockImport(tx: Tx, id: string) {
      return tx
        .selectFrom('erpImports')
        .select([...IMPORT_COLUMNS, 'rows', 'operations'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    markApplied(tx: Tx, id: string, label: string, at: Date) {
      return tx
        .updateTable('erpImports')
        .set({ status: 'applied', appliedByLabel: label, appliedAt: at })
        .where('id', '=', id)
        .returning(IMPORT_COLUMNS)
        .executeTakeFirstOrThrow();
    },

    listImports(db: Reader, page: PageInput) {
      const query = db
        .selectFrom('erpImports')
        .select(IMPORT_COLUMNS)
        .orderBy('createdAt', 'desc')
        .orderBy('id');

      return paginate(query, page);
    },
  };
}

export type ErpImportRepository = ReturnType<typeof createErpImportRepository>;

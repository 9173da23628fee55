import { sql, type Insertable, type Updateable } from 'kysely';
import type { TariffsTable } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';
import type { PageInput, Reader } from '@server/modules/backoffice/backoffice.common.ts';
import { paginate } from '@server/modules/backoffice/backoffice.paging.repository.ts';

const COLUMNS = [
  'id',
  'serviceId',
  'contractId',
  'amountCents',
  'validFrom',
  'validTo',
  'version',
] as const;

/** Whether any protocol captured this tariff: then its price can no longer change. */
const inUse = sql<boolean>`(
    exists (select 1 from protocols p where p.tariff_id = tariffs.id)
    or exists (select 1 from protocol_lines l where l.tariff_id = tariffs.id)
  )`.as('inUse');

export type Period = { validFrom: string; validTo: string | null };

export function createTariffsRepository() {
  return {
    listOfService(db: Reader, serviceId: string, contractId: string | undefined, page: PageInput) {
      let query = db
        .selectFrom('tariffs')
        .select(COLUMNS)
        .select(inUse)
        .where('serviceId', '=', serviceId)
        .orderBy('validFrom', 'desc')
        .orderBy('id');
      if (contractId) {
        query = query.where('contractId', '=', contractId);
      }

      return paginate(query, page);
    },

    find(db: Reader, id: string) {
      return db
        .selectFrom('tariffs')
        .select(COLUMNS)
        .select(inUse)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Locks the tariff; a protocol being created with it (a key-share lock) is waited for. */
    lock(tx: Tx, id: string) {
      return tx
        .selectFrom('tariffs')
        .select(COLUMNS)
        .select(inUse)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    /** The tariffs of one contract and service whose periods meet `period` (ends inclusive). */
    overlapping(
      tx: Tx,
      key: { contractId: string; serviceId: string },
      period: Period,
      except?: string,
    ) {
      let query = tx
        .selectFrom('tariffs')
        .select(['id', 'validFrom', 'validTo', 'amountCents'])
        .where('contractId', '=', key.contractId)
        .where('serviceId', '=', key.serviceId)
        .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', period.validFrom)]))
        .orderBy('validFrom');
      if (period.validTo !== null) {
        query = query.where('validFrom', '<=', period.validTo);
      }
      if (except) {
        query = query.where('id', '!=', except);
      }

      return query.execute();
    },

    async insert(tx: Tx, values: Insertable<TariffsTable>) {
      const { id } = await tx
        .insertInto('tariffs')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();

      return id;
    },

    async update(tx: Tx, id: string, values: Updateable<TariffsTable>) {
      await tx.updateTable('tariffs').set(values).where('id', '=', id).execute();
    },
  };
}

export type TariffsRepository = ReturnType<typeof createTariffsRepository>;

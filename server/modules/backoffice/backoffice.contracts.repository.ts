import type { Insertable, Updateable } from 'kysely';
import type { ContractsTable } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';
import type { PageInput, Reader } from '@server/modules/backoffice/backoffice.common.ts';
import { containing, paginate } from '@server/modules/backoffice/backoffice.paging.repository.ts';

const COLUMNS = [
  'id',
  'clientId',
  'number',
  'adminCode',
  'postalCard',
  'modality',
  'allowsAssociatedItems',
  'validFrom',
  'validTo',
  'active',
  'version',
] as const;

export function createContractsRepository() {
  return {
    listOfClient(db: Reader, clientId: string, page: PageInput) {
      let query = db
        .selectFrom('contracts')
        .select(COLUMNS)
        .where('clientId', '=', clientId)
        .orderBy('validFrom', 'desc')
        .orderBy('id');
      if (page.q) {
        query = query.where('number', 'ilike', containing(page.q));
      }

      return paginate(query, page);
    },

    find(db: Reader, id: string) {
      return db.selectFrom('contracts').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    lock(tx: Tx, id: string) {
      return tx
        .selectFrom('contracts')
        .select(COLUMNS)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    insert(tx: Tx, values: Insertable<ContractsTable>) {
      return tx.insertInto('contracts').values(values).returning(COLUMNS).executeTakeFirstOrThrow();
    },

    update(tx: Tx, id: string, values: Updateable<ContractsTable>) {
      return tx
        .updateTable('contracts')
        .set(values)
        .where('id', '=', id)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
    },
  };
}

export type ContractsRepository = ReturnType<typeof createContractsRepository>;

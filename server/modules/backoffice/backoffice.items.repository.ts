import type { Insertable, Updateable } from 'kysely';
import type { AssociatedItemsTable } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';
import type { PageInput, Reader } from '@server/modules/backoffice/backoffice.common.ts';
import {
  matches,
  paginate,
  startingWith,
} from '@server/modules/backoffice/backoffice.paging.repository.ts';

const COLUMNS = [
  'id',
  'serviceId',
  'code',
  'description',
  'unitAmountCents',
  'quantity',
  'active',
  'version',
] as const;

export function createItemsRepository() {
  return {
    listOfService(db: Reader, serviceId: string, active: boolean | undefined, page: PageInput) {
      let query = db
        .selectFrom('associatedItems')
        .select(COLUMNS)
        .where('serviceId', '=', serviceId)
        .orderBy('code')
        .orderBy('id');
      if (page.q) {
        const q = page.q;
        query = query.where((eb) =>
          eb.or([matches('description', q), eb('code', 'like', startingWith(q))]),
        );
      }
      if (active !== undefined) {
        query = query.where('active', '=', active);
      }

      return paginate(query, page);
    },

    lock(tx: Tx, id: string) {
      return tx
        .selectFrom('associatedItems')
        .select(COLUMNS)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    insert(tx: Tx, values: Insertable<AssociatedItemsTable>) {
      return tx
        .insertInto('associatedItems')
        .values(values)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
    },

    update(tx: Tx, id: string, values: Updateable<AssociatedItemsTable>) {
      return tx
        .updateTable('associatedItems')
        .set(values)
        .where('id', '=', id)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
    },
  };
}

export type ItemsRepository = ReturnType<typeof createItemsRepository>;

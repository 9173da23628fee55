import type { Insertable, Updateable } from 'kysely';
import type { ClientKind, ClientsTable } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';
import type { PageInput, Reader } from '@server/modules/backoffice/backoffice.common.ts';
import {
  matches,
  paginate,
  startingWith,
} from '@server/modules/backoffice/backoffice.paging.repository.ts';

const COLUMNS = ['id', 'code', 'name', 'cnpj', 'kind', 'active', 'version'] as const;

export type ClientFilter = { kind?: ClientKind | undefined; active?: boolean | undefined };

export function createClientsRepository() {
  return {
    list(db: Reader, filter: ClientFilter, page: PageInput) {
      let query = db.selectFrom('clients').select(COLUMNS).orderBy('name').orderBy('id');
      if (page.q) {
        const q = page.q;
        query = query.where((eb) =>
          eb.or([matches('name', q), eb('code', 'like', startingWith(q.toUpperCase()))]),
        );
      }
      if (filter.kind) {
        query = query.where('kind', '=', filter.kind);
      }
      if (filter.active !== undefined) {
        query = query.where('active', '=', filter.active);
      }

      return paginate(query, page);
    },

    find(db: Reader, id: string) {
      return db.selectFrom('clients').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    lock(tx: Tx, id: string) {
      return tx
        .selectFrom('clients')
        .select(COLUMNS)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    insert(tx: Tx, values: Insertable<ClientsTable>) {
      return tx.insertInto('clients').values(values).returning(COLUMNS).executeTakeFirstOrThrow();
    },

    update(tx: Tx, id: string, values: Updateable<ClientsTable>) {
      return tx
        .updateTable('clients')
        .set(values)
        .where('id', '=', id)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
    },
  };
}

export type ClientsRepository = ReturnType<typeof createClientsRepository>;

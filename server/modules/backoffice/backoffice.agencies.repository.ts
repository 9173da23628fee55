import type { Insertable, Updateable } from 'kysely';
import type { AgenciesTable, AgencyKind } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';
import type { PageInput, Reader } from '@server/modules/backoffice/backoffice.common.ts';
import {
  matches,
  paginate,
  startingWith,
} from '@server/modules/backoffice/backoffice.paging.repository.ts';

const COLUMNS = ['id', 'code', 'name', 'kind', 'city', 'state', 'active', 'version'] as const;

export type AgencyFilter = { kind?: AgencyKind | undefined; active?: boolean | undefined };

export function createAgenciesRepository() {
  return {
    list(db: Reader, filter: AgencyFilter, page: PageInput) {
      let query = db.selectFrom('agencies').select(COLUMNS).orderBy('name').orderBy('id');
      if (page.q) {
        const q = page.q;
        query = query.where((eb) =>
          eb.or([matches('name', q), eb('code', 'like', startingWith(q))]),
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
      return db.selectFrom('agencies').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    lock(tx: Tx, id: string) {
      return tx
        .selectFrom('agencies')
        .select(COLUMNS)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    /** Which of these ids are agencies; the rest were typed wrong. */
    async existing(db: Reader, ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) {
        return new Set();
      }
      const rows = await db.selectFrom('agencies').select('id').where('id', 'in', ids).execute();

      return new Set(rows.map((row) => row.id));
    },

    insert(tx: Tx, values: Insertable<AgenciesTable>) {
      return tx.insertInto('agencies').values(values).returning(COLUMNS).executeTakeFirstOrThrow();
    },

    update(tx: Tx, id: string, values: Updateable<AgenciesTable>) {
      return tx
        .updateTable('agencies')
        .set(values)
        .where('id', '=', id)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
    },
  };
}

export type AgenciesRepository = ReturnType<typeof createAgenciesRepository>;

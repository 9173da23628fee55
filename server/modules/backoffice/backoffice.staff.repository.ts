import type { Insertable, Updateable } from 'kysely';
import type { StaffRole, StaffTable } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';
import type { PageInput, Reader } from '@server/modules/backoffice/backoffice.common.ts';
import {
  matches,
  paginate,
  startingWith,
} from '@server/modules/backoffice/backoffice.paging.repository.ts';

/** Never `password_hash`: it is written here and read only by the sign-in. */
const COLUMNS = ['id', 'registration', 'name', 'role', 'agencyId', 'active', 'version'] as const;

export type StaffFilter = {
  agencyId?: string | undefined;
  role?: StaffRole | undefined;
  active?: boolean | undefined;
};

export function createStaffRepository() {
  return {
    list(db: Reader, filter: StaffFilter, page: PageInput) {
      let query = db.selectFrom('staff').select(COLUMNS).orderBy('name').orderBy('id');
      if (page.q) {
        const q = page.q;
        query = query.where((eb) =>
          eb.or([matches('name', q), eb('registration', 'like', startingWith(q))]),
        );
      }
      if (filter.agencyId) {
        query = query.where('agencyId', '=', filter.agencyId);
      }
      if (filter.role) {
        query = query.where('role', '=', filter.role);
      }
      if (filter.active !== undefined) {
        query = query.where('active', '=', filter.active);
      }

      return paginate(query, page);
    },

    lock(tx: Tx, id: string) {
      return tx
        .selectFrom('staff')
        .select(COLUMNS)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    insert(tx: Tx, values: Insertable<StaffTable>) {
      return tx.insertInto('staff').values(values).returning(COLUMNS).executeTakeFirstOrThrow();
    },

    update(tx: Tx, id: string, values: Updateable<StaffTable>) {
      return tx
        .updateTable('staff')
        .set(values)
        .where('id', '=', id)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
    },

    /** Ends every open session of a staff member (new password, or no longer active). */
    async revokeSessions(tx: Tx, staffId: string, at: Date) {
      await tx
        .updateTable('staffSessions')
        .set({ revokedAt: at })
        .where('staffId', '=', staffId)
        .where('revokedAt', 'is', null)
        .execute();
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;

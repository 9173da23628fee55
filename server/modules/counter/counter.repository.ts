import type { Database } from '@server/db/database.ts';
import type { Tx } from '@server/db/transaction.ts';

type Reader = Database | Tx;

export function createCounterRepository() {
  return {
    findAttendant(db: Reader, registration: string) {
      return db
        .selectFrom('staff')
        .select(['id', 'agencyId', 'name', 'role', 'active'])
        .where('registration', '=', registration)
        .executeTakeFirst();
    },

    /** Another protocol already finalised with these counter references, if any. */
    findByCounterReference(
      db: Reader,
      agencyId: string,
      reference: { till: string; entryNumber: string; attendanceNumber: string },
    ) {
      return db
        .selectFrom('protocols')
        .select(['id', 'code'])
        .where('agencyId', '=', agencyId)
        .where('counterTill', '=', reference.till)
        .where('counterEntryNumber', '=', reference.entryNumber)
        .where('counterAttendanceNumber', '=', reference.attendanceNumber)
        .executeTakeFirst();
    },
  };
}

export type CounterRepository = ReturnType<typeof createCounterRepository>;

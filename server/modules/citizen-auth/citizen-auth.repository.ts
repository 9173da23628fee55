import type { Insertable } from 'kysely';
import type { Database } from '@server/db/database.ts';
import type { CitizenSessionsTable, CitizenSignInsTable } from '@server/db/schema.ts';

/** Sign-ins in progress and citizens' sessions, both in the database. */
export function createCitizenAuthRepository(db: Database) {
  return {
    async createSignIn(values: Insertable<CitizenSignInsTable>) {
      await db.insertInto('citizenSignIns').values(values).execute();
    },

    /**
     * Marks the sign-in used and answers it, in one statement: a callback replayed, or raced on
     * two servers, finds nothing the second time.
     */
    consumeSignIn(handleHash: string, now: Date) {
      return db
        .updateTable('citizenSignIns')
        .set({ consumedAt: now })
        .where('handleHash', '=', handleHash)
        .where('consumedAt', 'is', null)
        .where('expiresAt', '>', now)
        .returning(['state', 'nonce', 'codeVerifierSealed', 'returnTo'])
        .executeTakeFirst();
    },

    async deleteStaleSignIns(before: Date) {
      await db.deleteFrom('citizenSignIns').where('expiresAt', '<', before).execute();
    },

    async deleteEndedSessions(before: Date) {
      await db
        .deleteFrom('citizenSessions')
        .where((eb) => eb.or([eb('expiresAt', '<', before), eb('revokedAt', '<', before)]))
        .execute();
    },

    async createSession(values: Insertable<CitizenSessionsTable>) {
      await db.insertInto('citizenSessions').values(values).execute();
    },

    findSession(tokenHash: string) {
      return db
        .selectFrom('citizenSessions')
        .select(['id', 'documentHash', 'citizenSealed', 'lastSeenAt', 'expiresAt'])
        .where('tokenHash', '=', tokenHash)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
    },

    async touchSession(id: string, at: Date) {
      await db
        .updateTable('citizenSessions')
        .set({ lastSeenAt: at })
        .where('id', '=', id)
        .execute();
    },

    async revokeSession(id: string, at: Date) {
      await db.updateTable('citizenSessions').set({ revokedAt: at }).where('id', '=', id).execute();
    },
  };
}

export type CitizenAuthRepository = ReturnType<typeof createCitizenAuthRepository>;

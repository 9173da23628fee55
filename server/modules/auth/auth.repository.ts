import type { Database } from '@server/db/database.ts';

export type SessionRow = {
  sessionId: string;
  staffId: string;
  terminal: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
  registration: string;
  name: string;
  role: 'attendant' | 'supervisor' | 'backOffice' | 'admin';
  agencyId: string | null;
  agencyCode: string | null;
  agencyName: string | null;
  agencyKind: 'own' | 'franchised' | null;
};

export function createAuthRepository(db: Database) {
  return {
    findStaffForSignIn(registration: string) {
      return db
        .selectFrom('staff')
        .select(['id', 'passwordHash', 'active'])
        .where('registration', '=', registration)
        .executeTakeFirst();
    },

    async countRecentFailures(registration: string, ip: string, since: Date) {
      const row = await db
        .selectFrom('loginAttempts')
        .select((eb) => [
          eb.fn
            .countAll<number>()
            .filterWhere('registration', '=', registration)
            .as('byRegistration'),
          eb.fn.countAll<number>().filterWhere('ip', '=', ip).as('byIp'),
        ])
        .where('succeeded', '=', false)
        .where('attemptedAt', '>=', since)
        .where((eb) => eb.or([eb('registration', '=', registration), eb('ip', '=', ip)]))
        .executeTakeFirstOrThrow();

      return { byRegistration: Number(row.byRegistration), byIp: Number(row.byIp) };
    },

    async recordAttempt(registration: string, ip: string, succeeded: boolean, at: Date) {
      await db
        .insertInto('loginAttempts')
        .values({ registration, ip, succeeded, attemptedAt: at })
        .execute();
    },

    async createSession(values: {
      tokenHash: string;
      staffId: string;
      terminal: string | null;
      createdAt: Date;
      lastSeenAt: Date;
      expiresAt: Date;
    }) {
      const row = await db
        .insertInto('staffSessions')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();

      return row.id;
    },

    findSession(tokenHash: string): Promise<SessionRow | undefined> {
      return db
        .selectFrom('staffSessions as s')
        .innerJoin('staff as st', 'st.id', 's.staffId')
        .leftJoin('agencies as a', 'a.id', 'st.agencyId')
        .select([
          's.id as sessionId',
          's.staffId',
          's.terminal',
          's.lastSeenAt',
          's.expiresAt',
          'st.registration',
          'st.name',
          'st.role',
          'st.agencyId',
          'a.code as agencyCode',
          'a.name as agencyName',
          'a.kind as agencyKind',
        ])
        .where('s.tokenHash', '=', tokenHash)
        .where('s.revokedAt', 'is', null)
        .where('st.active', '=', true)
        .executeTakeFirst();
    },

    async touchSession(sessionId: string, at: Date) {
      await db
        .updateTable('staffSessions')
        .set({ lastSeenAt: at })
        .where('id', '=', sessionId)
        .execute();
    },

    async revokeSession(sessionId: string, at: Date) {
      await db
        .updateTable('staffSessions')
        .set({ revokedAt: at })
        .where('id', '=', sessionId)
        .execute();
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;

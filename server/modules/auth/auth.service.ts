import { AppError } from '@server/errors.ts';
import type { Clock } from '@server/context.ts';
import type { AuthRepository, SessionRow } from '@server/modules/auth/auth.repository.ts';
import type { StaffActor } from '@server/modules/auth/actor.ts';
import { spendVerificationTime, verifyPassword } from '@server/security/passwords.ts';
import { hashToken, newToken } from '@server/security/tokens.ts';

/** Sessions end after 30 idle minutes, and in any case 12 hours after sign-in (a long shift). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Five wrong passwords for one staff number, or 30 from one address, in 15 minutes. */
const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_REGISTRATION = 5;
const MAX_FAILURES_PER_IP = 30;
/** lastSeenAt is written at most once a minute, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

function toActor(row: SessionRow): StaffActor {
  const agency =
    row.agencyId && row.agencyCode && row.agencyName && row.agencyKind
      ? { id: row.agencyId, code: row.agencyCode, name: row.agencyName, kind: row.agencyKind }
      : null;

  return {
    kind: 'staff',
    staffId: row.staffId,
    sessionId: row.sessionId,
    registration: row.registration,
    name: row.name,
    role: row.role,
    agency,
    terminal: row.terminal,
  };
}

export function createAuthService(repository: AuthRepository, clock: Clock) {
  return {
    async signIn(input: {
      registration: string;
      password: string;
      terminal?: string | undefined;
      ip: string;
    }) {
      const now = clock.now();
      const failures = await repository.countRecentFailures(
        input.registration,
        input.ip,
        new Date(now.getTime() - THROTTLE_WINDOW_MS),
      );
      if (
        failures.byRegistration >= MAX_FAILURES_PER_REGISTRATION ||
        failures.byIp >= MAX_FAILURES_PER_IP
      ) {
        throw new AppError(
          'RATE_LIMITED',
          'Muitas tentativas de entrada sem sucesso. Aguarde 15 minutos ou procure o suporte.',
        );
      }

      const staff = await repository.findStaffForSignIn(input.registration);
      const valid = staff?.active
        ? await verifyPassword(input.password, staff.passwordHash)
        : false;
      if (!staff) {
        await spendVerificationTime(input.password);
      }
      await repository.recordAttempt(input.registration, input.ip, valid, now);
      if (!staff || !valid) {
        throw new AppError('INVALID_CREDENTIALS', 'Matrícula ou senha incorretas.');
      }

      const token = newToken();
      await repository.createSession({
        tokenHash: hashToken(token),
        staffId: staff.id,
        terminal: input.terminal ?? null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      });
      const actor = await this.resolve(token);
      if (!actor) {
        throw new Error('session just created was not found');
      }

      return { token, actor };
    },

    /** The staff member behind a session token, or null when it is unknown, revoked or timed out. */
    async resolve(token: string): Promise<StaffActor | null> {
      const row = await repository.findSession(hashToken(token));
      if (!row) {
        return null;
      }
      const now = clock.now().getTime();
      if (now >= row.expiresAt.getTime() || now - row.lastSeenAt.getTime() >= SESSION_IDLE_MS) {
        return null;
      }
      if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        await repository.touchSession(row.sessionId, new Date(now));
      }

      return toActor(row);
    },

    async signOut(actor: StaffActor) {
      await repository.revokeSession(actor.sessionId, clock.now());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

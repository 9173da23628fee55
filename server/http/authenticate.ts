import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@server/errors.ts';
import type { Actor, CitizenActor } from '@server/modules/auth/actor.ts';
import type { AuthService } from '@server/modules/auth/auth.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export const SESSION_COOKIE = 'ster_session';
/** The session of a citizen signed in with IdCorreios on the public portal. */
export const CITIZEN_SESSION_COOKIE = 'ster_citizen';
/** Cookie-authenticated changes must carry this header; a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-ster-csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) {
    return undefined;
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);

  return match?.[1];
}

/** Resolves a citizen's session cookie; see `server/modules/citizen-auth/`. */
export type CitizenSessions = { resolve: (token: string) => Promise<CitizenActor | null> };

function requireCsrf(request: FastifyRequest) {
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== '1') {
    throw new AppError('CSRF_HEADER_MISSING', `Requisição sem o cabeçalho ${CSRF_HEADER}.`);
  }
}

/**
 * Resolves who is calling, from a bearer token (counter systems, scripts) or the session cookie
 * (the web app), or a citizen's cookie (the portal). Routes decide what that actor may do; this hook only establishes identity.
 */
export function authenticate(auth: AuthService, citizens?: CitizenSessions) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    request.actor = { kind: 'anonymous' };
    const bearer = bearerToken(request);
    const cookie = request.cookies[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!request.url.startsWith('/api/')) {
      return;
    }
    const citizenCookie = request.cookies[CITIZEN_SESSION_COOKIE];
    if (!token && citizenCookie && citizens) {
      const citizen = await citizens.resolve(citizenCookie);
      if (citizen) {
        requireCsrf(request);
        request.actor = citizen;
      }

      return;
    }
    if (!token) {
      return;
    }

    const actor = await auth.resolve(token);
    if (!actor) {
      if (bearer) {
        throw new AppError('UNAUTHENTICATED', 'Sessão expirada ou inválida. Entre novamente.');
      }

      return;
    }
    if (!bearer) {
      requireCsrf(request);
    }
    request.actor = actor;
  };
}

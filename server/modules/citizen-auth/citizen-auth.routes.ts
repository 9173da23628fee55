import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '@server/context.ts';
import { AppError } from '@server/errors.ts';
import { CITIZEN_SESSION_COOKIE, CSRF_HEADER } from '@server/http/authenticate.ts';
import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import { requireCitizen, type CitizenActor } from '@server/modules/auth/actor.ts';
import {
  BeginSignInBody,
  BeginSignInResponse,
  CallbackBody,
  CallbackResponse,
  CitizenSessionResponse,
} from '@server/modules/citizen-auth/citizen-auth.schema.ts';
import {
  CITIZEN_ABSOLUTE_MS,
  SIGN_IN_TTL_MS,
  type CitizenAuthService,
} from '@server/modules/citizen-auth/citizen-auth.service.ts';
import { maskDocument } from '@shared/documents.ts';

const TAGS = ['Cidadão'];
/** Binds a sign-in to the browser that started it, between the redirect and the callback. */
export const SIGN_IN_COOKIE = 'ster_idcorreios';
const SIGN_IN_PATH = '/api/v1/citizen/auth';

export function presentCitizen(actor: CitizenActor) {
  return {
    cpf: actor.cpf,
    document: maskDocument({ kind: 'cpf', number: actor.cpf }),
    name: actor.name,
  };
}

/** The callback rides on a cookie, so it needs the anti-CSRF header like any cookie change. */
function requireCsrfHeader(request: FastifyRequest) {
  if (request.headers[CSRF_HEADER] !== '1') {
    throw new AppError('CSRF_HEADER_MISSING', `Requisição sem o cabeçalho ${CSRF_HEADER}.`);
  }
}

export function registerCitizenAuthRoutes(app: App, ctx: AppContext, auth: CitizenAuthService) {
  const cookieBase = { httpOnly: true, secure: ctx.config.secureCookies } as const;

  app.post(
    `${SIGN_IN_PATH}/sign-ins`,
    {
      schema: {
        tags: TAGS,
        summary: 'Começar a entrada com o IdCorreios (OpenID Connect, código com PKCE)',
        body: BeginSignInBody,
        response: withErrors({ 200: BeginSignInResponse }, 400, 404, 429, 503),
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { url, handle } = await auth.begin(request.body.returnTo);
      // Lax: the provider's redirect back is a top-level navigation from another site.
      reply.setCookie(SIGN_IN_COOKIE, handle, {
        ...cookieBase,
        sameSite: 'lax',
        path: SIGN_IN_PATH,
        maxAge: SIGN_IN_TTL_MS / 1000,
      });

      return { url };
    },
  );

  app.post(
    `${SIGN_IN_PATH}/callback`,
    {
      schema: {
        tags: TAGS,
        summary: 'Concluir a entrada com o retorno do IdCorreios; abre a sessão do cidadão',
        body: CallbackBody,
        response: withErrors({ 200: CallbackResponse }, 400, 401, 403, 404, 429, 503),
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      requireCsrfHeader(request);
      reply.clearCookie(SIGN_IN_COOKIE, { path: SIGN_IN_PATH });
      const { token, actor, returnTo } = await auth.finish(
        request.cookies[SIGN_IN_COOKIE],
        request.body.query,
      );
      reply.setCookie(CITIZEN_SESSION_COOKIE, token, {
        ...cookieBase,
        sameSite: 'strict',
        path: '/',
        maxAge: CITIZEN_ABSOLUTE_MS / 1000,
      });
      request.log.info({ event: 'citizen_signed_in' }, 'citizen signed in');

      return { citizen: presentCitizen(actor), returnTo };
    },
  );

  app.get(
    '/api/v1/citizen/session',
    {
      schema: {
        tags: TAGS,
        summary: 'O cidadão conectado (CPF mascarado)',
        response: withErrors({ 200: CitizenSessionResponse }, 401),
      },
    },
    async (request) => ({ citizen: presentCitizen(requireCitizen(request.actor)) }),
  );

  app.delete(
    '/api/v1/citizen/session',
    {
      schema: {
        tags: TAGS,
        summary: 'Sair do portal',
        response: withErrors({ 204: Type.Null() }, 401, 403),
      },
    },
    async (request, reply) => {
      await auth.signOut(requireCitizen(request.actor));
      reply.clearCookie(CITIZEN_SESSION_COOKIE, { path: '/' });

      return reply.status(204).send(null);
    },
  );
}

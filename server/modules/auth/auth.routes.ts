import { Type } from 'typebox';
import type { AppContext } from '@server/context.ts';
import { SESSION_COOKIE } from '@server/http/authenticate.ts';
import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import { requireStaff, type StaffActor } from '@server/modules/auth/actor.ts';
import { SessionResponse, SignInBody, SignInResponse } from '@server/modules/auth/auth.schema.ts';
import { SESSION_ABSOLUTE_MS, type AuthService } from '@server/modules/auth/auth.service.ts';

const TAGS = ['Autenticação'];

function presentStaff(actor: StaffActor) {
  return {
    registration: actor.registration,
    name: actor.name,
    role: actor.role,
    terminal: actor.terminal,
    agency: actor.agency,
  };
}

export function registerAuthRoutes(app: App, ctx: AppContext, auth: AuthService) {
  app.post(
    '/api/v1/auth/sessions',
    {
      schema: {
        tags: TAGS,
        summary: 'Entrar com matrícula e senha',
        body: SignInBody,
        response: withErrors({ 200: SignInResponse }, 400, 401, 429),
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, actor } = await auth.signIn({ ...request.body, ip: request.ip });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        secure: ctx.config.secureCookies,
        sameSite: 'strict',
        path: '/',
        maxAge: SESSION_ABSOLUTE_MS / 1000,
      });
      request.log.info({ event: 'staff_signed_in', registration: actor.registration }, 'signed in');

      return { token, staff: presentStaff(actor) };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: TAGS,
        summary: 'Quem está conectado',
        response: withErrors({ 200: SessionResponse }, 401),
      },
    },
    async (request) => ({ staff: presentStaff(requireStaff(request.actor)) }),
  );

  app.delete(
    '/api/v1/auth/session',
    {
      schema: { tags: TAGS, summary: 'Sair', response: withErrors({ 204: Type.Null() }, 401) },
    },
    async (request, reply) => {
      await auth.signOut(requireStaff(request.actor));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });

      return reply.status(204).send(null);
    },
  );
}

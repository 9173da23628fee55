import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyReply } from 'fastify';
import type { AppContext } from '@server/context.ts';
import { AppError } from '@server/errors.ts';
import { authenticate } from '@server/http/authenticate.ts';
import { ErrorResponse } from '@server/http/common.schema.ts';
import { handleError, handleNotFound } from '@server/http/error-handler.ts';
import { registerHealthRoutes } from '@server/http/health.routes.ts';
import { postgresRateLimitStore } from '@server/http/rate-limit-store.ts';
import { registerWebApp } from '@server/http/web.ts';
import { loggerOptions } from '@server/logger.ts';
import { createModules } from '@server/modules.ts';
import { ProtocolView } from '@server/modules/protocol/protocol.schema.ts';

/** Largest request body accepted anywhere: a hosted form with 80 long answers fits easily. */
export const BODY_LIMIT = 256 * 1024;

export type BuildAppOptions = { logger?: boolean };

/** Builds the HTTP application; `server/cli.ts` listens, tests call `inject`. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}) {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(ctx.config.logLevel),
    bodyLimit: BODY_LIMIT,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];

      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: process.env.STER_TRUST_PROXY === 'true',
    // Errors Fastify meets before routing (bad percent-encoding, over-long parameters) get the
    // same coded body as every other refusal.
    frameworkErrors: (_error, _request, reply: FastifyReply) => {
      const refusal = new AppError('MALFORMED_REQUEST', 'Endereço da requisição inválido.');

      return reply.code(refusal.status).send(refusal.toBody());
    },
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, store: postgresRateLimitStore(ctx.db) });
  await app.register(fastifySwagger, {
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) =>
        typeof json.$id === 'string' ? json.$id : `Schema${index}`,
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'STER — Sistema de Serviços de Terceiros',
        version: '1.0.0',
        description:
          'API do STER: catálogo, atendimentos, protocolos e operações de balcão (SARA). ' +
          'Erros seguem { error: { code, message, fields } }. Chamadas que criam ou mudam ' +
          'protocolos aceitam o cabeçalho Idempotency-Key.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ster_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.addSchema(ErrorResponse);
  app.addSchema(ProtocolView);

  const modules = createModules(ctx);
  app.addHook('onRequest', authenticate(modules.auth, modules.citizenAuth));
  registerHealthRoutes(app, ctx);
  modules.register(app);
  await registerWebApp(app);

  return app;
}

export type SterApp = Awaited<ReturnType<typeof buildApp>>;

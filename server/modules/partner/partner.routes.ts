import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@server/errors.ts';
import { IdempotencyHeaders } from '@server/http/common.schema.ts';
import { sendStored } from '@server/http/reply.ts';
import type { App } from '@server/http/types.ts';
import { translateValidation } from '@server/http/validation-messages.ts';
import { partnerToken, type PartnerResolver } from '@server/modules/partner/partner.actor.ts';
import type { PartnerRegistration } from '@server/modules/partner/partner.registration.ts';
import {
  CodigoBody,
  CodigoResponse,
  FIELD_HINTS,
  Mensagem,
  ProtocoloParams,
  ProtocoloResponse,
  REGISTRA_DESCRIPTION,
  RegistraBody,
  RegistraResponse,
  withMensagens,
} from '@server/modules/partner/partner.schema.ts';
import type { PartnerPreAttendance } from '@server/modules/partner/partner.pre-attendance.ts';
import {
  CONFIRMA_DESCRIPTION,
  ConfirmaBody,
  PRE_REGISTRA_DESCRIPTION,
  PreRegistraBody,
  PreRegistraResponse,
} from '@server/modules/partner/partner.pre-attendance.schema.ts';
import type { PartnerService } from '@server/modules/partner/partner.service.ts';
import { hashToken } from '@server/security/tokens.ts';

const TAGS = ['Parceiros (contrato publicado)'];
const SECURITY = [{ bearer: [] }];

function validationMensagem(error: FastifyError): string {
  const fields = translateValidation(error.validation ?? [], error.validationContext ?? 'body');
  const first = fields[0];
  const name = first?.field.split('.').slice(1).join('.') ?? '';
  if (!first || name === '') {
    return 'O corpo da requisição deve ser um objeto JSON com os campos do contrato.';
  }
  if (first.code === 'required') {
    return `Campo obrigatório ausente: ${name}.`;
  }
  if (first.code === 'unknown') {
    return `Campo não previsto no contrato: ${name}.`;
  }

  return `${name} inválido: ${FIELD_HINTS[name] ?? first.message}.`;
}

/**
 * The legacy contract answers every refusal with `{ mensagem }` and a 4xx, schema failures
 * included; our own failures are 500s with the request id to quote.
 */
export function renderMensagem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError && error.status < 500) {
    request.log.info({ code: error.code, status: error.status }, 'partner request refused');

    return reply.status(error.status).send({ mensagem: error.message });
  }
  if (error.validation) {
    return reply.status(400).send({ mensagem: validationMensagem(error) });
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return reply
      .status(error.statusCode)
      .send({ mensagem: 'Requisição inválida: envie um corpo JSON (application/json).' });
  }
  request.log.error({ err: error }, 'partner request failed');

  return reply.status(500).send({
    mensagem: `Erro interno do STER. Tente de novo; se persistir, informe o código ${request.id}.`,
  });
}

/**
 * Each credential gets its own budget per route (counted in PostgreSQL, shared by every
 * server); a request without a token is counted by address. Past it: 429 with `mensagem`.
 */
function partnerRateLimit(max: number) {
  return {
    max,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => {
      const token = partnerToken(request);

      return token ? `credential:${hashToken(token)}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      new AppError(
        'RATE_LIMITED',
        `Limite de requisições deste token excedido. Tente de novo em ${context.after}.`,
      ),
  };
}

/** `/ster/api/v1/...`: the published contract, in its own scope with its own error rendering. */
export function registerPartnerContractRoutes(
  app: App,
  deps: {
    resolve: PartnerResolver;
    registration: PartnerRegistration;
    service: PartnerService;
    preAttendance: PartnerPreAttendance;
    rateLimit: number;
  },
) {
  const { resolve, registration, service, preAttendance } = deps;
  const config = { rateLimit: partnerRateLimit(deps.rateLimit) };

  void app.register(async (instance) => {
    const scope = instance.withTypeProvider<TypeBoxTypeProvider>();
    scope.setErrorHandler(renderMensagem);
    scope.addSchema(Mensagem);

    scope.post(
      '/ster/api/v1/atendimentos/registra',
      {
        schema: {
          tags: TAGS,
          summary: 'Registra um atendimento feito no site do cliente (protocolo pendente)',
          description: REGISTRA_DESCRIPTION,
          security: SECURITY,
          headers: IdempotencyHeaders,
          body: RegistraBody,
          response: withMensagens({ 200: RegistraResponse }, 400, 401, 403, 409, 422, 429),
        },
        config,
      },
      async (request, reply) => {
        const partner = await resolve(request);
        const result = await registration.register(
          partner,
          request.body,
          request.headers['idempotency-key'],
        );

        return sendStored(reply, result);
      },
    );

    scope.post(
      '/ster/api/v1/pre-atendimentos/registra',
      {
        schema: {
          tags: TAGS,
          summary: 'Registra um pré-atendimento feito pelo usuário no site do cliente',
          description: PRE_REGISTRA_DESCRIPTION,
          security: SECURITY,
          headers: IdempotencyHeaders,
          body: PreRegistraBody,
          response: withMensagens({ 200: PreRegistraResponse }, 400, 401, 403, 409, 422, 429),
        },
        config,
      },
      async (request, reply) => {
        const partner = await resolve(request);
        const result = await preAttendance.start(
          partner,
          request.body,
          request.headers['idempotency-key'],
        );

        return reply.status(result.statusCode).send(result.body);
      },
    );

    scope.post(
      '/ster/api/v1/pre-atendimentos/confirma',
      {
        schema: {
          tags: TAGS,
          summary: 'Confirma na agência um pré-atendimento (o protocolo fica pendente)',
          description: CONFIRMA_DESCRIPTION,
          security: SECURITY,
          headers: IdempotencyHeaders,
          body: ConfirmaBody,
          response: withMensagens({ 200: RegistraResponse }, 400, 401, 403, 404, 409, 422, 429),
        },
        config,
      },
      async (request, reply) => {
        const partner = await resolve(request);
        const result = await preAttendance.confirm(
          partner,
          request.body,
          request.headers['idempotency-key'],
        );

        return sendStored(reply, result);
      },
    );

    scope.post(
      '/ster/api/v1/codigos-correios/consulta',
      {
        schema: {
          tags: TAGS,
          summary: 'Decifra um codigoCorreios: agência e matrícula do atendente',
          description:
            'Só para códigos de serviços dos clientes do próprio parceiro. O código expira em 2 h.',
          security: SECURITY,
          body: CodigoBody,
          response: withMensagens({ 200: CodigoResponse }, 400, 401, 403, 422, 429),
        },
        config,
      },
      async (request) => service.decryptCodigo(await resolve(request), request.body.codigoCorreios),
    );

    scope.get(
      '/ster/api/v1/atendimentos/:protocolo',
      {
        schema: {
          tags: TAGS,
          summary: 'Consulta um protocolo do próprio parceiro',
          security: SECURITY,
          params: ProtocoloParams,
          response: withMensagens({ 200: ProtocoloResponse }, 400, 401, 403, 404, 429),
        },
        config,
      },
      async (request) => service.findProtocol(await resolve(request), request.params.protocolo),
    );
  });
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@server/errors.ts';
import { translateValidation } from '@server/http/validation-messages.ts';

const FRAMEWORK_ERRORS: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () =>
    new AppError('MALFORMED_REQUEST', 'O corpo da requisição não é um JSON válido.'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new AppError('MALFORMED_REQUEST', 'O corpo da requisição está vazio, mas deveria ser JSON.'),
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new AppError('PAYLOAD_TOO_LARGE', 'A requisição é grande demais.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', 'Envie o corpo como application/json.'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new AppError('MALFORMED_REQUEST', 'O cabeçalho Content-Length não confere com o corpo.'),
};

const CONNECTION_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006']);

function toAppError(error: FastifyError): AppError | null {
  if (error instanceof AppError) {
    return error;
  }
  if (error.validation) {
    const fields = translateValidation(error.validation, error.validationContext ?? 'body');
    const first = fields[0];
    const message = first ? `${first.field}: ${first.message}` : 'Requisição inválida.';

    return new AppError('VALIDATION_FAILED', message, { fields });
  }
  const known = FRAMEWORK_ERRORS[error.code];
  if (known) {
    return known();
  }
  if (error.statusCode === 429) {
    return new AppError('RATE_LIMITED', 'Muitas requisições. Aguarde um momento e tente de novo.');
  }
  if (CONNECTION_FAILURES.has(error.code)) {
    return new AppError(
      'UNAVAILABLE',
      'Banco de dados indisponível. Tente novamente em instantes.',
    );
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('MALFORMED_REQUEST', 'Requisição inválida.');
  }

  return null;
}

/**
 * Renders every failure as `{ error: { code, message, fields } }`. Client mistakes are logged
 * at info, our own failures at error, with the request id the person can quote to support.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = toAppError(error);
  if (known && known.status < 500) {
    request.log.info({ code: known.code, status: known.status }, 'request refused');

    return reply.status(known.status).send(known.toBody());
  }

  request.log.error({ err: error }, 'request failed');
  const failure =
    known ??
    new AppError(
      'INTERNAL',
      `Erro interno. Tente de novo; se persistir, informe ao suporte o código ${request.id}.`,
    );

  return reply.status(failure.status).send(failure.toBody());
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  const error = new AppError(
    'NOT_FOUND',
    `Rota não encontrada: ${request.method} ${request.url.split('?')[0]}`,
  );

  return reply.status(404).send(error.toBody());
}

import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorField } from '@shared/errors.ts';

/**
 * The one error type of the server. Services throw it; the HTTP layer renders it as
 * `{ error: { code, message, fields } }` with the status the shared catalogue gives the code.
 * Messages are Portuguese, for the person at the screen; codes are for programs.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: ErrorField[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: ErrorField[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
      },
    };
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} não encontrado.`);
}

export function forbidden(message = 'Você não tem permissão para esta operação.'): AppError {
  return new AppError('FORBIDDEN', message);
}

export function fieldError(field: string, code: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { fields: [{ field, code, message }] });
}

import type { ErrorCode, ErrorField } from '@shared/errors.ts';

/** Codes the web app adds for failures that never reached the server. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

/** A refusal from the server, or a failure to reach it, in one shape the screens can show. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly fields: ErrorField[];

  constructor(
    status: number,
    code: ErrorCode | ClientErrorCode,
    message: string,
    fields: ErrorField[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export type RequestOptions = {
  idempotencyKey?: string | undefined;
  /** The record version the screen read; the server refuses the change if it moved on. */
  ifMatch?: number | undefined;
};

/** Called when the server says the session is gone, so the app can show the sign-in screen. */
let onUnauthenticated: () => void = () => {};

export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

async function readError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error = (body as { error?: { code?: string; message?: string; fields?: ErrorField[] } })
    ?.error;
  if (!error?.code || !error.message) {
    return new ApiError(
      response.status,
      'BAD_RESPONSE',
      `O servidor respondeu ${response.status} sem explicar o motivo. Tente de novo.`,
    );
  }

  return new ApiError(response.status, error.code as ErrorCode, error.message, error.fields ?? []);
}

async function send<T>(method: string, url: string, body?: unknown, options: RequestOptions = {}) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['x-ster-csrf'] = '1';
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (options.idempotencyKey) {
    headers['idempotency-key'] = options.idempotencyKey;
  }
  if (options.ifMatch !== undefined) {
    headers['if-match'] = `"${options.ifMatch}"`;
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'Sem conexão com o servidor do STER. Verifique a rede e tente de novo: ' +
        'a operação é reenviada com a mesma chave e não será registrada duas vezes.',
    );
  }

  if (!response.ok) {
    const error = await readError(response);
    if (error.code === 'UNAUTHENTICATED') {
      onUnauthenticated();
    }
    throw error;
  }

  return (response.status === 204 ? null : await response.json()) as T;
}

export const api = {
  get: <T>(url: string) => send<T>('GET', url),
  post: <T>(url: string, body?: unknown, options?: RequestOptions) =>
    send<T>('POST', url, body ?? {}, options),
  delete: <T>(url: string) => send<T>('DELETE', url),
  patch: <T>(url: string, body: unknown, options?: RequestOptions) =>
    send<T>('PATCH', url, body, options),
  put: <T>(url: string, body: unknown, options?: RequestOptions) =>
    send<T>('PUT', url, body, options),
};

/** A fresh idempotency key: one per logical operation, reused on every retry of it. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));

  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

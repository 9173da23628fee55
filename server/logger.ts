import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Paths never written to the logs: credentials, and personal data that may travel in bodies.
 * CPFs are also kept out of URLs, so request lines are safe to log.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.cpf',
  '*.document',
  '*.citizenDocument',
  '*.formData',
  '*.numeroIdentificacaoCliente',
  '*.token',
  '*.secret',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
}

export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}

export type { Logger };

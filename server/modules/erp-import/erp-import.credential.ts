import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@server/errors.ts';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Checks the ERP's credential (`Authorization: Bearer <STER_ERP_TOKEN>`). Both sides are hashed
 * first so the comparison takes the same time whatever the length or content of the guess.
 */
export function requireErp(request: FastifyRequest, configured: string | undefined) {
  if (!configured) {
    throw new AppError(
      'UNAUTHENTICATED',
      'A integração do ERP não está ativa neste servidor (configure STER_ERP_TOKEN).',
    );
  }
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1] || !timingSafeEqual(digest(match[1]), digest(configured))) {
    throw new AppError('UNAUTHENTICATED', 'Credencial do ERP ausente ou inválida.');
  }
}

import type { FastifyRequest } from 'fastify';
import type { Database } from '@server/db/database.ts';
import type { PartnerMode } from '@server/db/schema.ts';
import { AppError } from '@server/errors.ts';
import type { PartnerRepository } from '@server/modules/partner/partner.repository.ts';
import { hashToken } from '@server/security/tokens.ts';

/** A partner's system calling the published contract with one of its credentials. */
export type PartnerActor = {
  kind: 'partner';
  partnerId: string;
  partnerName: string;
  clientId: string;
  credentialId: string;
  /** sandbox credentials create test protocols, which never reach billing. */
  mode: PartnerMode;
};

/** The token of `Authorization: <token>` or `Authorization: Bearer <token>`. */
export function partnerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization?.trim();
  if (!header) {
    return undefined;
  }

  return header.replace(/^Bearer\s+/i, '').trim() || undefined;
}

/**
 * Resolves the partner behind a request to `/ster/api/...` (the staff hook in
 * `server/http/authenticate.ts` looks only at `/api/`). Only hashes of tokens are stored.
 */
export function createPartnerResolver(db: Database, partners: PartnerRepository) {
  return async (request: FastifyRequest): Promise<PartnerActor> => {
    const token = partnerToken(request);
    if (!token) {
      throw new AppError(
        'UNAUTHENTICATED',
        'Informe o token do parceiro no cabeçalho Authorization.',
      );
    }
    const credential = await partners.findCredentialByHash(db, hashToken(token));
    if (!credential) {
      throw new AppError('UNAUTHENTICATED', 'Token de parceiro desconhecido.');
    }
    if (credential.revokedAt !== null) {
      throw new AppError(
        'UNAUTHENTICATED',
        'Token de parceiro revogado: peça um novo aos Correios.',
      );
    }
    if (!credential.partnerActive) {
      throw new AppError('FORBIDDEN', 'Parceiro desativado.');
    }

    return {
      kind: 'partner',
      partnerId: credential.partnerId,
      partnerName: credential.partnerName,
      clientId: credential.clientId,
      credentialId: credential.id,
      mode: credential.mode,
    };
  };
}

export type PartnerResolver = ReturnType<typeof createPartnerResolver>;

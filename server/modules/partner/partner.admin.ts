import type { AppContext } from '@server/context.ts';
import type { PartnerMode } from '@server/db/schema.ts';
import { inTransaction, type Tx } from '@server/db/transaction.ts';
import { AppError, fieldError, notFound } from '@server/errors.ts';
import { BACK_OFFICE_ROLES, requireStaff, type Actor } from '@server/modules/auth/actor.ts';
import { createDeliveryRepository } from '@server/modules/outbox/outbox.deliveries.repository.ts';
import { webhookSecretOf } from '@server/modules/outbox/outbox.signing.ts';
import { callbackUrlProblem } from '@server/modules/partner/partner.callback-url.ts';
import type { PartnerRepository } from '@server/modules/partner/partner.repository.ts';
import { parseProtocolCode } from '@server/modules/protocol/protocol.service.ts';
import { hashToken, newToken } from '@server/security/tokens.ts';

type PartnerRow = NonNullable<Awaited<ReturnType<PartnerRepository['findPartner']>>>;

export type PartnerPatch = {
  name?: string | undefined;
  confirmationUrl?: string | null | undefined;
  active?: boolean | undefined;
};

/** Partner tokens carry a prefix so a leaked one is easy to recognise in logs and scanners. */
const TOKEN_PREFIX = 'sterp_';

async function checkCallbackUrl(url: string | null | undefined) {
  if (url === null || url === undefined) {
    return;
  }
  const problem = await callbackUrlProblem(url);
  if (problem) {
    throw fieldError('body.confirmationUrl', 'callbackUrl', problem);
  }
}

/** Back-office management of partners: credentials, callback URL, signing secret, deliveries. */
export function createPartnerAdmin(ctx: AppContext, partners: PartnerRepository) {
  const deliveries = createDeliveryRepository();

  function present(row: PartnerRow) {
    return {
      id: row.id,
      clientId: row.clientId,
      clientName: row.clientName,
      name: row.name,
      confirmationUrl: row.confirmationUrl,
      active: row.active,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function load(id: string): Promise<PartnerRow> {
    const row = await partners.findPartner(ctx.db, id);
    if (!row) {
      throw notFound('Parceiro');
    }

    return row;
  }

  async function detail(id: string) {
    const row = await load(id);
    const credentials = await partners.listCredentials(ctx.db, id);

    return {
      partner: {
        ...present(row),
        credentials: credentials.map(presentCredential),
        webhookSecret: webhookSecretOf(ctx.config.secretKey, row.id, row.webhookSecretVersion),
      },
    };
  }

  async function issue(tx: Tx, partnerId: string, mode: PartnerMode, staffId: string) {
    const token = `${TOKEN_PREFIX}${newToken()}`;
    const credential = await partners.insertCredential(tx, {
      partnerId,
      tokenHash: hashToken(token),
      tokenHint: token.slice(-4),
      mode,
      createdAt: ctx.clock.now(),
      createdBy: staffId,
    });

    return { credential: presentCredential(credential), token };
  }

  return {
    async create(
      actor: Actor,
      input: { clientId: string; name: string; confirmationUrl?: string | null | undefined },
    ) {
      requireStaff(actor, BACK_OFFICE_ROLES);
      if (!(await partners.clientExists(ctx.db, input.clientId))) {
        throw fieldError('body.clientId', 'unknown', 'Cliente não encontrado.');
      }
      await checkCallbackUrl(input.confirmationUrl);
      const now = ctx.clock.now();
      const { id } = await partners.insertPartner(ctx.db, {
        clientId: input.clientId,
        name: input.name.trim(),
        confirmationUrl: input.confirmationUrl ?? null,
        createdAt: now,
        updatedAt: now,
      });

      return detail(id);
    },

    async list(actor: Actor) {
      requireStaff(actor, BACK_OFFICE_ROLES);

      return { partners: (await partners.listPartners(ctx.db)).map(present) };
    },

    async get(actor: Actor, id: string) {
      requireStaff(actor, BACK_OFFICE_ROLES);

      return detail(id);
    },

    async update(actor: Actor, id: string, patch: PartnerPatch) {
      requireStaff(actor, BACK_OFFICE_ROLES);
      await load(id);
      await checkCallbackUrl(patch.confirmationUrl);
      await partners.updatePartner(ctx.db, id, {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.confirmationUrl !== undefined ? { confirmationUrl: patch.confirmationUrl } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        updatedAt: ctx.clock.now(),
      });

      return detail(id);
    },

    /** A new signing secret; the old one stops being used at once. */
    async rotateWebhookSecret(actor: Actor, id: string) {
      requireStaff(actor, BACK_OFFICE_ROLES);
      const row = await load(id);
      await partners.updatePartner(ctx.db, id, {
        webhookSecretVersion: row.webhookSecretVersion + 1,
        updatedAt: ctx.clock.now(),
      });

      return detail(id);
    },

    /** A new token, shown once; only its hash is kept. */
    async issueCredential(actor: Actor, partnerId: string, mode: PartnerMode) {
      const staff = requireStaff(actor, BACK_OFFICE_ROLES);
      await load(partnerId);

      return inTransaction(ctx.db, (tx) => issue(tx, partnerId, mode, staff.staffId));
    },

    /** Replaces a credential by a new one of the same mode, revoking the old in the same step. */
    async rotateCredential(actor: Actor, partnerId: string, credentialId: string) {
      const staff = requireStaff(actor, BACK_OFFICE_ROLES);

      return inTransaction(ctx.db, async (tx) => {
        const old = await partners.revokeCredential(
          tx,
          partnerId,
          credentialId,
          staff.staffId,
          ctx.clock.now(),
        );
        if (!old) {
          throw notFound('Credencial ativa');
        }

        return issue(tx, partnerId, old.mode, staff.staffId);
      });
    },

    async revokeCredential(actor: Actor, partnerId: string, credentialId: string) {
      const staff = requireStaff(actor, BACK_OFFICE_ROLES);
      const revoked = await partners.revokeCredential(
        ctx.db,
        partnerId,
        credentialId,
        staff.staffId,
        ctx.clock.now(),
      );
      if (!revoked) {
        throw notFound('Credencial ativa');
      }

      return detail(partnerId);
    },

    async listDeliveries(actor: Actor, partnerId: string, protocol: string | undefined) {
      requireStaff(actor, BACK_OFFICE_ROLES);
      await load(partnerId);
      const rows = await deliveries.list(ctx.db, {
        partnerId,
        ...(protocol ? { protocolCode: parseProtocolCode(protocol, 'query.protocol') } : {}),
        limit: 200,
      });

      return {
        deliveries: rows.map((row) => ({
          id: Number(row.id),
          protocolCode: row.protocolCode,
          toStatus: String(row.payload.toStatus),
          status: row.status,
          attempts: row.attempts,
          nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
          lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
          lastError: row.lastError,
          deliveredAt: row.deliveredAt?.toISOString() ?? null,
          createdAt: row.createdAt.toISOString(),
          attemptLog: row.attemptLog.map((attempt) => ({
            attemptedAt: attempt.attemptedAt.toISOString(),
            statusCode: attempt.statusCode,
            error: attempt.error,
            durationMs: attempt.durationMs,
          })),
        })),
      };
    },

    /** Queues a delivery again (after a partner lost or mishandled it), due now. */
    async replay(actor: Actor, partnerId: string, deliveryId: number) {
      requireStaff(actor, BACK_OFFICE_ROLES);
      const owner = await deliveries.findPartnerOf(ctx.db, deliveryId);
      if (!owner || owner.partnerId !== partnerId) {
        throw notFound('Entrega');
      }
      if (!(await deliveries.replay(ctx.db, deliveryId, ctx.clock.now()))) {
        throw new AppError('CONFLICT', 'A entrega não pôde ser reenfileirada.');
      }

      return { replayed: true };
    },
  };
}

function presentCredential(row: {
  id: string;
  mode: PartnerMode;
  tokenHint: string;
  createdAt: Date;
  revokedAt: Date | null;
}) {
  return {
    id: row.id,
    mode: row.mode,
    tokenHint: row.tokenHint,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export type PartnerAdmin = ReturnType<typeof createPartnerAdmin>;

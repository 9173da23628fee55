import type { AppContext } from '@server/context.ts';
import type { PartnerMode } from '@server/db/schema.ts';
import { inTransaction, type Tx } from '@server/db/transaction.ts';
import { AppError, fieldError, notFound } from '@server/errors.ts';
import {
  BACK_OFFICE_ROLES,
  requireStaff,
  type Actor,
  type StaffActor,
} from '@server/modules/auth/actor.ts';
import { createChangesRepository } from '@server/modules/backoffice/backoffice.changes.repository.ts';
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

/** What the audit log keeps of a partner: everything but secrets (the version, not the key). */
function partnerSnapshot(row: PartnerRow) {
  return {
    partnerId: row.id,
    clientId: row.clientId,
    name: row.name,
    confirmationUrl: row.confirmationUrl,
    active: row.active,
    webhookSecretVersion: row.webhookSecretVersion,
  };
}

/** What the audit log keeps of a credential: never the token, only its last characters. */
function credentialSnapshot(partnerId: string, row: CredentialRow) {
  return {
    partnerId,
    mode: row.mode,
    tokenHint: row.tokenHint,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Back-office management of partners: credentials, callback URL, signing secret, deliveries.
 * Every change is written to the back-office change log in its own transaction, attributed.
 */
export function createPartnerAdmin(ctx: AppContext, partners: PartnerRepository) {
  const deliveries = createDeliveryRepository();
  const changes = createChangesRepository();

  /** Applies a change to a partner row and logs it as it was and as it became. */
  async function changePartner(
    staff: StaffActor,
    id: string,
    apply: (tx: Tx, before: PartnerRow) => Promise<void>,
  ) {
    await inTransaction(ctx.db, async (tx) => {
      const before = await partners.findPartner(tx, id, { lock: true });
      if (!before) {
        throw notFound('Parceiro');
      }
      await apply(tx, before);
      const after = (await partners.findPartner(tx, id)) ?? before;
      await changes.record(tx, staff, {
        entity: 'partner',
        entityId: id,
        before: partnerSnapshot(before),
        after: partnerSnapshot(after),
      });
    });

    return detail(id);
  }

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

  async function issue(tx: Tx, partnerId: string, mode: PartnerMode, staff: StaffActor) {
    const token = `${TOKEN_PREFIX}${newToken()}`;
    const credential = await partners.insertCredential(tx, {
      partnerId,
      tokenHash: hashToken(token),
      tokenHint: token.slice(-4),
      mode,
      createdAt: ctx.clock.now(),
      createdBy: staff.staffId,
    });
    await changes.record(tx, staff, {
      entity: 'partnerCredential',
      entityId: credential.id,
      before: null,
      after: credentialSnapshot(partnerId, credential),
    });

    return { credential: presentCredential(credential), token };
  }

  /** Revokes a live credential of the partner and logs it; undefined when there is none. */
  async function revoke(tx: Tx, partnerId: string, credentialId: string, staff: StaffActor) {
    const before = await partners.findCredential(tx, partnerId, credentialId);
    const revoked = await partners.revokeCredential(
      tx,
      partnerId,
      credentialId,
      staff.staffId,
      ctx.clock.now(),
    );
    if (!before || !revoked) {
      throw notFound('Credencial ativa');
    }
    await changes.record(tx, staff, {
      entity: 'partnerCredential',
      entityId: credentialId,
      before: credentialSnapshot(partnerId, before),
      after: credentialSnapshot(partnerId, revoked),
    });

    return revoked;
  }

  return {
    async create(
      actor: Actor,
      input: { clientId: string; name: string; confirmationUrl?: string | null | undefined },
    ) {
      const staff = requireStaff(actor, BACK_OFFICE_ROLES);
      if (!(await partners.clientExists(ctx.db, input.clientId))) {
        throw fieldError('body.clientId', 'unknown', 'Cliente não encontrado.');
      }
      await checkCallbackUrl(input.confirmationUrl);
      const now = ctx.clock.now();
      const id = await inTransaction(ctx.db, async (tx) => {
        const inserted = await partners.insertPartner(tx, {
          clientId: input.clientId,
          name: input.name.trim(),
          confirmationUrl: input.confirmationUrl ?? null,
          createdAt: now,
          updatedAt: now,
        });
        const row = await partners.findPartner(tx, inserted.id);
        if (row) {
          await changes.record(tx, staff, {
            entity: 'partner',
            entityId: row.id,
            before: null,
            after: partnerSnapshot(row),
          });
        }

        return inserted.id;
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
      const staff = requireStaff(actor, BACK_OFFICE_ROLES);
      await load(id);
      await checkCallbackUrl(patch.confirmationUrl);

      return changePartner(staff, id, async (tx) => {
        await partners.updatePartner(tx, id, {
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.confirmationUrl !== undefined
            ? { confirmationUrl: patch.confirmationUrl }
            : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          updatedAt: ctx.clock.now(),
        });
      });
    },

    /** A new signing secret; the old one stops being used at once. */
    async rotateWebhookSecret(actor: Actor, id: string) {
      const staff = requireStaff(actor, BACK_OFFICE_ROLES);

      return changePartner(staff, id, async (tx, row) => {
        await partners.updatePartner(tx, id, {
          webhookSecretVersion: row.webhookSecretVersion + 1,
          updatedAt: ctx.clock.now(),
        });
      });
    },

    /** A new token, shown once; only its hash is kept. */
    async issueCredential(actor: Actor, partnerId: string, mode: PartnerMode) {
      const staff = requireStaff(actor, BACK_OFFICE_ROLES);
      await load(partnerId);

      return inTransaction(ctx.db, (tx) => issue(tx, partnerId, mode, staff));
    },

    /** Replaces a credential by a new one of the same mode, revoking the old in the same step. */
    async rotateCredential(actor: Actor, partnerId: string, credentialId: string) {
      const staff = requireStaff(actor, BACK_OFFICE_ROLES);

      return inTransaction(ctx.db, async (tx) => {
        const old = await revoke(tx, partnerId, credentialId, staff);

        return issue(tx, partnerId, old.mode, staff);
      });
    },

    async revokeCredential(actor: Actor, partnerId: string, credentialId: string) {
      const staff = requireStaff(actor, BACK_OFFICE_ROLES);
      await inTransaction(ctx.db, (tx) => revoke(tx, partnerId, credentialId, staff));

      return detail(partnerId);
    },

    async listChanges(actor: Actor, partnerId: string) {
      requireStaff(actor, BACK_OFFICE_ROLES);
      await load(partnerId);
      const rows = await partners.listChanges(ctx.db, partnerId, 200);

      return {
        changes: rows.map((row) => ({
          id: Number(row.id),
          entity: row.entity as 'partner' | 'partnerCredential' | 'partnerServiceHook',
          entityId: row.entityId,
          action: row.action,
          before: row.before,
          after: row.after,
          actorLabel: row.actorLabel,
          occurredAt: row.occurredAt.toISOString(),
        })),
      };
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
          subscriber: row.subscriber,
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

type CredentialRow = {
  id: string;
  mode: PartnerMode;
  tokenHint: string;
  createdAt: Date;
  revokedAt: Date | null;
};

function presentCredential(row: CredentialRow) {
  return {
    id: row.id,
    mode: row.mode,
    tokenHint: row.tokenHint,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export type PartnerAdmin = ReturnType<typeof createPartnerAdmin>;

import type { Database } from '@server/db/database.ts';
import type { Tx } from '@server/db/transaction.ts';

type Reader = Database | Tx;

export type ServiceHook = {
  serviceId: string;
  partnerId: string;
  validationUrl: string | null;
  submissionUrl: string | null;
  webhookSecretVersion: number;
  partnerActive: boolean;
};

/** The partner calls configured on hosted-form services (`partner_service_hooks`). */
export function createHooksRepository() {
  return {
    /** The hook of a service with what calling its partner needs, if it has one. */
    findForService(db: Reader, serviceId: string): Promise<ServiceHook | undefined> {
      return db
        .selectFrom('partnerServiceHooks as h')
        .innerJoin('partners as p', 'p.id', 'h.partnerId')
        .select([
          'h.serviceId',
          'h.partnerId',
          'h.validationUrl',
          'h.submissionUrl',
          'p.webhookSecretVersion',
          'p.active as partnerActive',
        ])
        .where('h.serviceId', '=', serviceId)
        .executeTakeFirst();
    },

    /** What submitting a protocol's form data to its partner needs, read at delivery time. */
    findSubmission(db: Reader, protocolId: string) {
      return db
        .selectFrom('protocols as r')
        .innerJoin('services as s', 's.id', 'r.serviceId')
        .innerJoin('partnerServiceHooks as h', 'h.serviceId', 'r.serviceId')
        .innerJoin('partners as p', 'p.id', 'h.partnerId')
        .leftJoin('agencies as a', 'a.id', 'r.agencyId')
        .select([
          'r.code',
          'r.status',
          'r.attendanceType',
          'r.citizenSealed',
          'r.formDataSealed',
          'r.createdAt',
          's.code as serviceCode',
          'a.code as agencyCode',
          'h.submissionUrl',
          'h.partnerId',
          'p.webhookSecretVersion',
        ])
        .where('r.id', '=', protocolId)
        .executeTakeFirst();
    },

    /** The client's services, each with this partner's hook on it (nulls when none). */
    listForPartner(db: Reader, partnerId: string) {
      return db
        .selectFrom('partners as p')
        .innerJoin('services as s', 's.clientId', 'p.clientId')
        .leftJoin('partnerServiceHooks as h', (join) =>
          join.onRef('h.serviceId', '=', 's.id').onRef('h.partnerId', '=', 'p.id'),
        )
        .select([
          's.id as serviceId',
          's.code as serviceCode',
          's.name as serviceName',
          's.solution',
          'h.validationUrl',
          'h.submissionUrl',
        ])
        .where('p.id', '=', partnerId)
        .orderBy('s.code')
        .execute();
    },

    /** A service of the partner's client, locked with its hook for a logged change. */
    findServiceOfPartner(tx: Tx, partnerId: string, serviceId: string) {
      return tx
        .selectFrom('services as s')
        .innerJoin('partners as p', 'p.clientId', 's.clientId')
        .leftJoin('partnerServiceHooks as h', 'h.serviceId', 's.id')
        .select([
          's.id',
          's.code',
          's.solution',
          'h.partnerId',
          'h.validationUrl',
          'h.submissionUrl',
        ])
        .where('p.id', '=', partnerId)
        .where('s.id', '=', serviceId)
        .forUpdate('s')
        .executeTakeFirst();
    },

    async save(
      tx: Tx,
      hook: Omit<ServiceHook, 'webhookSecretVersion' | 'partnerActive'>,
      at: Date,
    ) {
      await tx
        .insertInto('partnerServiceHooks')
        .values({ ...hook, updatedAt: at })
        .onConflict((conflict) =>
          conflict.column('serviceId').doUpdateSet({
            partnerId: hook.partnerId,
            validationUrl: hook.validationUrl,
            submissionUrl: hook.submissionUrl,
            updatedAt: at,
          }),
        )
        .execute();
    },

    async remove(tx: Tx, serviceId: string) {
      await tx.deleteFrom('partnerServiceHooks').where('serviceId', '=', serviceId).execute();
    },
  };
}

export type HooksRepository = ReturnType<typeof createHooksRepository>;

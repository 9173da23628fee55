import { sql, type Insertable, type Updateable } from 'kysely';
import type { Database } from '@server/db/database.ts';
import type { PartnerCredentialsTable, PartnersTable } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';

type Reader = Database | Tx;

const PARTNER_COLUMNS = [
  'p.id',
  'p.clientId',
  'c.name as clientName',
  'p.name',
  'p.confirmationUrl',
  'p.webhookSecretVersion',
  'p.active',
  'p.createdAt',
  'p.updatedAt',
] as const;

export function createPartnerRepository() {
  return {
    async insertPartner(db: Reader, values: Insertable<PartnersTable>) {
      return db.insertInto('partners').values(values).returning('id').executeTakeFirstOrThrow();
    },

    async updatePartner(db: Reader, id: string, patch: Updateable<PartnersTable>) {
      const row = await db
        .updateTable('partners')
        .set(patch)
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();

      return row !== undefined;
    },

    listPartners(db: Reader) {
      return db
        .selectFrom('partners as p')
        .innerJoin('clients as c', 'c.id', 'p.clientId')
        .select(PARTNER_COLUMNS)
        .orderBy('p.name')
        .execute();
    },

    /** One partner; `lock` holds its row until the transaction ends (for a logged change). */
    findPartner(db: Reader, id: string, options: { lock?: boolean } = {}) {
      const query = db
        .selectFrom('partners as p')
        .innerJoin('clients as c', 'c.id', 'p.clientId')
        .select(PARTNER_COLUMNS)
        .where('p.id', '=', id);

      return (options.lock ? query.forUpdate('p') : query).executeTakeFirst();
    },

    clientExists(db: Reader, clientId: string) {
      return db.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst();
    },

    listCredentials(db: Reader, partnerId: string) {
      return db
        .selectFrom('partnerCredentials')
        .select(['id', 'mode', 'tokenHint', 'createdAt', 'revokedAt'])
        .where('partnerId', '=', partnerId)
        .orderBy('createdAt')
        .execute();
    },

    async insertCredential(db: Reader, values: Insertable<PartnerCredentialsTable>) {
      return db
        .insertInto('partnerCredentials')
        .values(values)
        .returning(['id', 'mode', 'tokenHint', 'createdAt', 'revokedAt'])
        .executeTakeFirstOrThrow();
    },

    findCredential(db: Reader, partnerId: string, id: string) {
      return db
        .selectFrom('partnerCredentials')
        .select(['id', 'mode', 'tokenHint', 'createdAt', 'revokedAt'])
        .where('id', '=', id)
        .where('partnerId', '=', partnerId)
        .forUpdate()
        .executeTakeFirst();
    },

    /** Revokes a live credential of this partner; undefined when there is none to revoke. */
    async revokeCredential(db: Reader, partnerId: string, id: string, by: string, at: Date) {
      const row = await db
        .updateTable('partnerCredentials')
        .set({ revokedAt: at, revokedBy: by })
        .where('id', '=', id)
        .where('partnerId', '=', partnerId)
        .where('revokedAt', 'is', null)
        .returning(['id', 'mode', 'tokenHint', 'createdAt', 'revokedAt'])
        .executeTakeFirst();

      return row;
    },

    /** The audit trail of one partner: its own changes, its credentials' and its hooks'. */
    listChanges(db: Reader, partnerId: string, limit: number) {
      return db
        .selectFrom('catalogueChanges')
        .select(['id', 'entity', 'entityId', 'action', 'before', 'after', 'actorLabel'])
        .select('occurredAt')
        .where('entity', 'in', ['partner', 'partnerCredential', 'partnerServiceHook'])
        .where(sql<string>`after ->> 'partnerId'`, '=', partnerId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    /** The credential a token hash belongs to, with its partner. */
    findCredentialByHash(db: Reader, tokenHash: string) {
      return db
        .selectFrom('partnerCredentials as k')
        .innerJoin('partners as p', 'p.id', 'k.partnerId')
        .select([
          'k.id',
          'k.mode',
          'k.revokedAt',
          'p.id as partnerId',
          'p.name as partnerName',
          'p.clientId',
          'p.active as partnerActive',
        ])
        .where('k.tokenHash', '=', tokenHash)
        .executeTakeFirst();
    },

    async findClientSiteUrl(db: Reader, serviceId: string): Promise<string | null> {
      const row = await db
        .selectFrom('services')
        .select('clientSiteUrl')
        .where('id', '=', serviceId)
        .executeTakeFirst();

      return row?.clientSiteUrl ?? null;
    },

    async findServiceIdByCode(db: Reader, clientId: string, code: string) {
      const row = await db
        .selectFrom('services')
        .select('id')
        .where('clientId', '=', clientId)
        .where('code', '=', code)
        .executeTakeFirst();

      return row?.id ?? null;
    },

    findByPartnerKey(db: Reader, partnerId: string, partnerKey: string) {
      return db
        .selectFrom('protocols')
        .select(['code', 'partnerRequestHash', 'expiresAt'])
        .where('partnerId', '=', partnerId)
        .where('partnerKey', '=', partnerKey)
        .executeTakeFirst();
    },

    findAttendantAt(db: Reader, staffId: string, agencyId: string) {
      return db
        .selectFrom('staff as s')
        .innerJoin('agencies as a', 'a.id', 's.agencyId')
        .select([
          's.id',
          's.registration',
          's.name',
          's.active',
          'a.id as agencyId',
          'a.code as agencyCode',
          'a.name as agencyName',
          'a.kind as agencyKind',
          'a.active as agencyActive',
        ])
        .where('s.id', '=', staffId)
        .where('a.id', '=', agencyId)
        .executeTakeFirst();
    },

    /** One protocol of this partner; another partner's code finds nothing. */
    findPartnerProtocol(db: Reader, partnerId: string, code: string) {
      return db
        .selectFrom('protocols as p')
        .innerJoin('services as s', 's.id', 'p.serviceId')
        .leftJoin('agencies as a', 'a.id', 'p.agencyId')
        .select([
          'p.code',
          'p.status',
          'p.totalCents',
          'p.isTest',
          'p.partnerKey',
          'p.createdAt',
          'p.updatedAt',
          's.code as serviceCode',
          'a.code as agencyCode',
          (eb) =>
            eb
              .selectFrom('protocolEvents as e')
              .select('e.reason')
              .whereRef('e.protocolId', '=', 'p.id')
              .orderBy('e.sequence', 'desc')
              .limit(1)
              .as('lastReason'),
        ])
        .where('p.partnerId', '=', partnerId)
        .where('p.code', '=', code)
        .executeTakeFirst();
    },
  };
}

export type PartnerRepository = ReturnType<typeof createPartnerRepository>;

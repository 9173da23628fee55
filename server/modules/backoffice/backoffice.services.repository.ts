import { sql, type Insertable, type Updateable } from 'kysely';
import type { ServicesTable } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';
import type { PageInput, Reader } from '@server/modules/backoffice/backoffice.common.ts';
import {
  matches,
  paginate,
  startingWith,
} from '@server/modules/backoffice/backoffice.paging.repository.ts';

const COLUMNS = [
  'id',
  'clientId',
  'contractId',
  'code',
  'name',
  'description',
  'solution',
  'clientSiteUrl',
  'attendanceTypes',
  'agencyKinds',
  'preAttendanceExpiryDays',
  'priceRule',
  'partnerPriceMinCents',
  'partnerPriceMaxCents',
  'active',
  'version',
] as const;

/** The agencies a service is restricted to; none means every agency of its kinds. */
const agencyIds = sql<string[]>`coalesce((
    select array_agg(sa.agency_id::text order by sa.agency_id)
    from service_agencies sa where sa.service_id = services.id
  ), '{}')::text[]`.as('agencyIds');

export type ServiceFilter = {
  clientId?: string | undefined;
  contractId?: string | undefined;
  active?: boolean | undefined;
};

export function createServicesRepository() {
  return {
    list(db: Reader, filter: ServiceFilter, page: PageInput) {
      let query = db
        .selectFrom('services')
        .select(COLUMNS)
        .select(agencyIds)
        .orderBy('name')
        .orderBy('id');
      if (page.q) {
        const q = page.q;
        query = query.where((eb) =>
          eb.or([matches('name', q), eb('code', 'like', startingWith(q))]),
        );
      }
      if (filter.clientId) {
        query = query.where('clientId', '=', filter.clientId);
      }
      if (filter.contractId) {
        query = query.where('contractId', '=', filter.contractId);
      }
      if (filter.active !== undefined) {
        query = query.where('active', '=', filter.active);
      }

      return paginate(query, page);
    },

    find(db: Reader, id: string) {
      return db
        .selectFrom('services')
        .select(COLUMNS)
        .select(agencyIds)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /**
     * Locks the service row: tariff, item and form changes of one service take this lock
     * first, so two concurrent requests check their rules one after the other.
     */
    lock(tx: Tx, id: string) {
      return tx
        .selectFrom('services')
        .select(COLUMNS)
        .select(agencyIds)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    async insert(tx: Tx, values: Insertable<ServicesTable>) {
      const { id } = await tx
        .insertInto('services')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();

      return id;
    },

    async update(tx: Tx, id: string, values: Updateable<ServicesTable>) {
      await tx.updateTable('services').set(values).where('id', '=', id).execute();
    },

    async replaceAgencies(tx: Tx, serviceId: string, agencyIdList: readonly string[]) {
      await tx.deleteFrom('serviceAgencies').where('serviceId', '=', serviceId).execute();
      if (agencyIdList.length > 0) {
        await tx
          .insertInto('serviceAgencies')
          .values(agencyIdList.map((agencyId) => ({ serviceId, agencyId })))
          .execute();
      }
    },
  };
}

export type ServicesRepository = ReturnType<typeof createServicesRepository>;

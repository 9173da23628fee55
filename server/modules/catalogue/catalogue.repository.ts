import { sql } from 'kysely';
import type { Database } from '@server/db/database.ts';
import type { AgencyKind } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';

type Reader = Database | Tx;

export type AgencyScope = { id: string; kind: AgencyKind };

/** An associated item rung up with a service, as the pricing reads it. */
export type AssociatedItem = {
  id: string;
  code: string;
  description: string;
  unitAmountCents: number;
  quantity: number;
};

/** A service with the contract and client it is sold under, as an attendance reads them. */
const SERVICE_FOR_ATTENDANCE = [
  's.id',
  's.code',
  's.name',
  's.solution',
  's.attendanceTypes',
  's.preAttendanceExpiryDays',
  's.priceRule',
  's.partnerPriceMinCents',
  's.partnerPriceMaxCents',
  's.active',
  's.clientId',
  's.contractId',
  'c.name as clientName',
  'c.active as clientActive',
  'ct.modality',
  'ct.allowsAssociatedItems',
  'ct.validFrom as contractValidFrom',
  'ct.validTo as contractValidTo',
  'ct.active as contractActive',
] as const;

/** The part of the catalogue the counter and the public pages read to serve a citizen. */
export function createCatalogueRepository() {
  /** Services offered at an agency: right kind, and either unrestricted or listed for it. */
  function offeredAt(db: Reader, agency: AgencyScope | null) {
    let query = db
      .selectFrom('services as s')
      .innerJoin('contracts as ct', 'ct.id', 's.contractId')
      .innerJoin('clients as c', 'c.id', 's.clientId')
      .where('s.active', '=', true)
      .where('ct.active', '=', true)
      .where('c.active', '=', true);
    if (agency) {
      query = query
        .where(sql<boolean>`${agency.kind} = any(s.agency_kinds)`)
        .where((eb) =>
          eb.or([
            eb.not(
              eb.exists(
                eb.selectFrom('serviceAgencies as sa').whereRef('sa.serviceId', '=', 's.id'),
              ),
            ),
            eb.exists(
              eb
                .selectFrom('serviceAgencies as sa')
                .whereRef('sa.serviceId', '=', 's.id')
                .where('sa.agencyId', '=', agency.id),
            ),
          ]),
        );
    }

    return query;
  }

  return {
    listClients(
      db: Reader,
      filter: { name?: string | undefined; agency: AgencyScope | null; attendanceType?: string },
    ) {
      let query = offeredAt(db, filter.agency)
        .select(['c.id', 'c.code', 'c.name', 'c.kind'])
        .select((eb) => eb.fn.countAll<number>().as('serviceCount'))
        .groupBy(['c.id', 'c.code', 'c.name', 'c.kind'])
        .orderBy('c.name');
      if (filter.name) {
        query = query.where(
          sql<boolean>`unaccent_ci(c.name) like unaccent_ci(${`%${filter.name}%`})`,
        );
      }
      if (filter.attendanceType) {
        query = query.where(sql<boolean>`${filter.attendanceType} = any(s.attendance_types)`);
      }

      return query.execute();
    },

    listServicesOfClient(
      db: Reader,
      clientId: string,
      agency: AgencyScope | null,
      attendanceType?: string,
    ) {
      let query = offeredAt(db, agency)
        .where('s.clientId', '=', clientId)
        .select([
          's.id',
          's.code',
          's.name',
          's.description',
          's.solution',
          's.clientSiteUrl',
          's.attendanceTypes',
          's.preAttendanceExpiryDays',
          'ct.modality',
        ])
        .orderBy('s.name');
      if (attendanceType) {
        query = query.where(sql<boolean>`${attendanceType} = any(s.attendance_types)`);
      }

      return query.execute();
    },

    async isOfferedAt(db: Reader, serviceId: string, agency: AgencyScope): Promise<boolean> {
      const row = await offeredAt(db, agency)
        .select('s.id')
        .where('s.id', '=', serviceId)
        .executeTakeFirst();

      return row !== undefined;
    },

    /** A service with the contract and client it is sold under. */
    findServiceForAttendance(db: Reader, serviceId: string) {
      return db
        .selectFrom('services as s')
        .innerJoin('contracts as ct', 'ct.id', 's.contractId')
        .innerJoin('clients as c', 'c.id', 's.clientId')
        .select(SERVICE_FOR_ATTENDANCE)
        .where('s.id', '=', serviceId)
        .executeTakeFirst();
    },

    /**
     * Everything creating a protocol reads of the catalogue, in one statement: the service with
     * its contract and client (as `findServiceForAttendance`), whether it is offered at the
     * agency (as `isOfferedAt`, given the service, contract and client are active), its published
     * form (as `findPublishedForm`), the tariff in force on `date` (as `findTariffOn`) and, when
     * the contract allows them, its associated items (as `listAssociatedItems`).
     */
    findOfferForAttendance(
      db: Reader,
      serviceId: string,
      agency: AgencyScope | null,
      date: string,
    ) {
      const offeredHere = agency
        ? sql<boolean>`(${agency.kind} = any(s.agency_kinds) and (
            not exists (select 1 from service_agencies sa where sa.service_id = s.id)
            or exists (select 1 from service_agencies sa
              where sa.service_id = s.id and sa.agency_id = ${agency.id})))`
        : sql<boolean>`true`;
      const items = sql<AssociatedItem[]>`case when ct.allows_associated_items then (
          select coalesce(json_agg(json_build_object('id', i.id, 'code', i.code,
            'description', i.description, 'unitAmountCents', i.unit_amount_cents,
            'quantity', i.quantity) order by i.code), '[]'::json)
          from associated_items i where i.service_id = s.id and i.active
        ) else '[]'::json end`;

      return db
        .selectFrom('services as s')
        .innerJoin('contracts as ct', 'ct.id', 's.contractId')
        .innerJoin('clients as c', 'c.id', 's.clientId')
        .leftJoinLateral(
          (eb) =>
            eb
              .selectFrom('formDefinitions as f')
              .select(['f.id', 'f.version', 'f.definition'])
              .whereRef('f.serviceId', '=', 's.id')
              .where('f.status', '=', 'published')
              .orderBy('f.version', 'desc')
              .limit(1)
              .as('form'),
          (join) => join.onTrue(),
        )
        .leftJoinLateral(
          (eb) =>
            eb
              .selectFrom('tariffs as t')
              .select(['t.id', 't.amountCents'])
              .whereRef('t.contractId', '=', 's.contractId')
              .whereRef('t.serviceId', '=', 's.id')
              .where('t.validFrom', '<=', date)
              .where((w) => w.or([w('t.validTo', 'is', null), w('t.validTo', '>=', date)]))
              .orderBy('t.validFrom', 'desc')
              .limit(1)
              // Held until commit: a back-office correction of this tariff's amount waits, then
              // sees the protocol that used it and is refused.
              .forShare()
              .as('tariff'),
          (join) => join.onTrue(),
        )
        .select([
          ...SERVICE_FOR_ATTENDANCE,
          's.description',
          'c.cnpj as clientCnpj',
          'ct.number as contractNumber',
          'ct.adminCode',
          'ct.postalCard',
          'form.id as formId',
          'form.version as formVersion',
          'form.definition as formDefinition',
          'tariff.id as tariffId',
          'tariff.amountCents as tariffAmountCents',
          offeredHere.as('offeredHere'),
          items.as('associatedItems'),
        ])
        .where('s.id', '=', serviceId)
        .executeTakeFirst();
    },

    /** The tariff in force on `date` (`YYYY-MM-DD`, São Paulo calendar); the newest wins. */
    findTariffOn(db: Reader, contractId: string, serviceId: string, date: string) {
      return db
        .selectFrom('tariffs')
        .select(['id', 'amountCents'])
        .where('contractId', '=', contractId)
        .where('serviceId', '=', serviceId)
        .where('validFrom', '<=', date)
        .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', date)]))
        .orderBy('validFrom', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    listAssociatedItems(db: Reader, serviceId: string) {
      return db
        .selectFrom('associatedItems')
        .select(['id', 'code', 'description', 'unitAmountCents', 'quantity'])
        .where('serviceId', '=', serviceId)
        .where('active', '=', true)
        .orderBy('code')
        .execute();
    },

    findPublishedForm(db: Reader, serviceId: string) {
      return db
        .selectFrom('formDefinitions')
        .select(['id', 'version', 'definition'])
        .where('serviceId', '=', serviceId)
        .where('status', '=', 'published')
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    findFormVersion(db: Reader, formDefinitionId: string) {
      return db
        .selectFrom('formDefinitions')
        .select(['id', 'version', 'definition'])
        .where('id', '=', formDefinitionId)
        .executeTakeFirst();
    },
  };
}

export type CatalogueRepository = ReturnType<typeof createCatalogueRepository>;

import { sql } from 'kysely';
import { actorLabel, type StaffActor } from '@server/modules/auth/actor.ts';
import type { Tx } from '@server/db/transaction.ts';
import type { PageInput, Reader } from '@server/modules/backoffice/backoffice.common.ts';
import { matches, paginate } from '@server/modules/backoffice/backoffice.paging.repository.ts';

/** The catalogue entities whose changes are logged, as named in `catalogue_changes.entity`. */
export type CatalogueEntity =
  | 'agency'
  | 'staff'
  | 'client'
  | 'contract'
  | 'service'
  | 'tariff'
  | 'associatedItem'
  | 'formDefinition'
  | 'partner'
  | 'partnerCredential'
  | 'partnerServiceHook';

export type ChangeInput = {
  entity: CatalogueEntity;
  entityId: string;
  before: object | null;
  after: object;
};

export type ChangeFilter = {
  entity?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: 'create' | 'update' | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** The calendar day of a change in São Paulo, where the back office works. */
const localDay = sql`(occurred_at at time zone 'America/Sao_Paulo')::date`;

/** Who a change is attributed to: a member of staff, or a system such as the ERP (no id). */
export type ChangeAuthor = { id: string | null; label: string };

/** Appends one change, inside the transaction that makes it: both are kept or neither. */
async function recordBy(tx: Tx, author: ChangeAuthor, change: ChangeInput) {
  await tx
    .insertInto('catalogueChanges')
    .values({
      entity: change.entity,
      entityId: change.entityId,
      action: change.before === null ? 'create' : 'update',
      before: change.before === null ? null : JSON.stringify(change.before),
      after: JSON.stringify(change.after),
      actorId: author.id,
      actorLabel: author.label,
    })
    .execute();
}

export function createChangesRepository() {
  return {
    /** Appends one change, inside the transaction that makes it: both are kept or neither. */
    async record(tx: Tx, actor: StaffActor, change: ChangeInput) {
      await recordBy(tx, { id: actor.staffId, label: actorLabel(actor) }, change);
    },

    recordBy,

    list(db: Reader, filter: ChangeFilter, page: PageInput) {
      let query = db
        .selectFrom('catalogueChanges')
        .select([
          'id',
          'entity',
          'entityId',
          'action',
          'before',
          'after',
          'actorId',
          'actorLabel',
          'occurredAt',
        ])
        .orderBy('id', 'desc');
      if (filter.entity) {
        query = query.where('entity', '=', filter.entity);
      }
      if (filter.entityId) {
        query = query.where('entityId', '=', filter.entityId);
      }
      if (filter.actor) {
        query = query.where(matches('actorLabel', filter.actor));
      }
      if (filter.action) {
        query = query.where('action', '=', filter.action);
      }
      if (filter.from) {
        query = query.where(sql<boolean>`${localDay} >= ${filter.from}::date`);
      }
      if (filter.to) {
        query = query.where(sql<boolean>`${localDay} <= ${filter.to}::date`);
      }

      return paginate(query, page);
    },
  };
}

export type ChangesRepository = ReturnType<typeof createChangesRepository>;

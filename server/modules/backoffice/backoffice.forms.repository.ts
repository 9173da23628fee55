import type { Tx } from '@server/db/transaction.ts';
import type { PageInput, Reader } from '@server/modules/backoffice/backoffice.common.ts';
import { paginate } from '@server/modules/backoffice/backoffice.paging.repository.ts';
import type { FormDefinition } from '@shared/forms/form-definition.ts';

const COLUMNS = [
  'id',
  'serviceId',
  'version',
  'status',
  'definition',
  'createdAt',
  'publishedAt',
] as const;

/**
 * Hosted-form versions. At most one draft per service, always numbered after every published
 * version; publishing turns it into a version that never changes again (a trigger guards it).
 */
export function createFormsRepository() {
  return {
    findDraft(db: Reader, serviceId: string) {
      return db
        .selectFrom('formDefinitions')
        .select(COLUMNS)
        .where('serviceId', '=', serviceId)
        .where('status', '=', 'draft')
        .executeTakeFirst();
    },

    findPublished(db: Reader, serviceId: string, version: number) {
      return db
        .selectFrom('formDefinitions')
        .select(COLUMNS)
        .where('serviceId', '=', serviceId)
        .where('status', '=', 'published')
        .where('version', '=', version)
        .executeTakeFirst();
    },

    listPublished(db: Reader, serviceId: string, page: PageInput) {
      const query = db
        .selectFrom('formDefinitions')
        .select(COLUMNS)
        .where('serviceId', '=', serviceId)
        .where('status', '=', 'published')
        .orderBy('version', 'desc');

      return paginate(query, page);
    },

    async nextVersion(tx: Tx, serviceId: string): Promise<number> {
      const row = await tx
        .selectFrom('formDefinitions')
        .select((eb) => eb.fn.max('version').as('last'))
        .where('serviceId', '=', serviceId)
        .executeTakeFirst();

      return Number(row?.last ?? 0) + 1;
    },

    insertDraft(
      tx: Tx,
      values: { serviceId: string; version: number; definition: FormDefinition; createdBy: string },
    ) {
      return tx
        .insertInto('formDefinitions')
        .values({ ...values, status: 'draft', definition: JSON.stringify(values.definition) })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
    },

    replaceDraft(tx: Tx, id: string, definition: FormDefinition, createdBy: string) {
      return tx
        .updateTable('formDefinitions')
        .set({ definition: JSON.stringify(definition), createdBy })
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
    },

    publish(tx: Tx, id: string, at: Date) {
      return tx
        .updateTable('formDefinitions')
        .set({ status: 'published', publishedAt: at })
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
    },

    async deleteDraft(tx: Tx, id: string) {
      await tx
        .deleteFrom('formDefinitions')
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .execute();
    },
  };
}

export type FormsRepository = ReturnType<typeof createFormsRepository>;

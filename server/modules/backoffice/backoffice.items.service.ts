import type { AppContext } from '@server/context.ts';
import { notFound } from '@server/errors.ts';
import type { StaffActor } from '@server/modules/auth/actor.ts';
import { pageResult, type PageInput } from '@server/modules/backoffice/backoffice.common.ts';
import type { ItemsRepository } from '@server/modules/backoffice/backoffice.items.repository.ts';
import type {
  ItemBody,
  ItemUpdateBody,
} from '@server/modules/backoffice/backoffice.items.schema.ts';
import type { ChangeSpec, Recorder } from '@server/modules/backoffice/backoffice.recorder.ts';
import type { ServicesRepository } from '@server/modules/backoffice/backoffice.services.repository.ts';

const SPEC: ChangeSpec = {
  entity: 'associatedItem',
  label: 'Item associado',
  conflicts: {
    associated_items_service_id_code_key: {
      field: 'body.code',
      message: 'Este serviço já tem um item associado com este código.',
    },
  },
};

/**
 * Associated items: other services or products rung up with the main service when the
 * contract allows. Items are deactivated, never deleted; protocols copied what they charged.
 */
export function createItemsService(
  ctx: AppContext,
  deps: { items: ItemsRepository; services: ServicesRepository; recorder: Recorder },
) {
  const { items, services, recorder } = deps;

  function update(staff: StaffActor, id: string, body: ItemUpdateBody, expectedVersion?: number) {
    return recorder.update(
      staff,
      SPEC,
      (tx) => items.lock(tx, id),
      (tx) => items.update(tx, id, body),
      expectedVersion,
    );
  }

  return {
    async listOfService(serviceId: string, active: boolean | undefined, page: PageInput) {
      if (!(await services.find(ctx.db, serviceId))) {
        throw notFound('Serviço');
      }
      const { rows, total } = await items.listOfService(ctx.db, serviceId, active, page);

      return { items: rows, page: pageResult(page, total) };
    },

    async create(staff: StaffActor, serviceId: string, body: ItemBody) {
      const item = await recorder.create(staff, SPEC, async (tx) => {
        if (!(await services.lock(tx, serviceId))) {
          throw notFound('Serviço');
        }

        return items.insert(tx, { ...body, serviceId });
      });

      return { item };
    },

    async update(staff: StaffActor, id: string, body: ItemUpdateBody, expectedVersion?: number) {
      return { item: await update(staff, id, body, expectedVersion) };
    },

    async deactivate(staff: StaffActor, id: string) {
      return { item: await update(staff, id, { active: false }) };
    },
  };
}

export type ItemsService = ReturnType<typeof createItemsService>;

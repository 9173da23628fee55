import type { AppContext } from '@server/context.ts';
import type { StaffActor } from '@server/modules/auth/actor.ts';
import type {
  AgenciesRepository,
  AgencyFilter,
} from '@server/modules/backoffice/backoffice.agencies.repository.ts';
import type {
  AgencyBody,
  AgencyUpdateBody,
} from '@server/modules/backoffice/backoffice.agencies.schema.ts';
import { pageResult, type PageInput } from '@server/modules/backoffice/backoffice.common.ts';
import type { ChangeSpec, Recorder } from '@server/modules/backoffice/backoffice.recorder.ts';

const SPEC: ChangeSpec = {
  entity: 'agency',
  label: 'Agência',
  conflicts: {
    agencies_code_key: { field: 'body.code', message: 'Já existe uma agência com este código.' },
  },
};

/** Agencies: the post-office units, own or franchised, where the counter serves citizens. */
export function createAgenciesService(
  ctx: AppContext,
  deps: { agencies: AgenciesRepository; recorder: Recorder },
) {
  const { agencies, recorder } = deps;

  return {
    async list(filter: AgencyFilter, page: PageInput) {
      const { rows, total } = await agencies.list(ctx.db, filter, page);

      return { agencies: rows, page: pageResult(page, total) };
    },

    async create(staff: StaffActor, body: AgencyBody) {
      const agency = await recorder.create(staff, SPEC, (tx) => agencies.insert(tx, body));

      return { agency };
    },

    async update(staff: StaffActor, id: string, body: AgencyUpdateBody, expectedVersion?: number) {
      const agency = await recorder.update(
        staff,
        SPEC,
        (tx) => agencies.lock(tx, id),
        (tx) => agencies.update(tx, id, { ...body, updatedAt: ctx.clock.now() }),
        expectedVersion,
      );

      return { agency };
    },
  };
}

export type AgenciesService = ReturnType<typeof createAgenciesService>;

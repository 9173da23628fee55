import type { AppContext } from '@server/context.ts';
import { fieldError, notFound } from '@server/errors.ts';
import type { StaffActor } from '@server/modules/auth/actor.ts';
import type { ClientsRepository } from '@server/modules/backoffice/backoffice.clients.repository.ts';
import { pageResult, type PageInput } from '@server/modules/backoffice/backoffice.common.ts';
import type { ContractsRepository } from '@server/modules/backoffice/backoffice.contracts.repository.ts';
import type {
  ContractBody,
  ContractUpdateBody,
} from '@server/modules/backoffice/backoffice.contracts.schema.ts';
import type { ChangeSpec, Recorder } from '@server/modules/backoffice/backoffice.recorder.ts';

const SPEC: ChangeSpec = {
  entity: 'contract',
  label: 'Contrato',
  conflicts: {
    contracts_number_key: {
      field: 'body.number',
      message: 'Já existe um contrato com este número.',
    },
  },
};

/** A validity period ends on or after the day it starts; no end means open. */
export function checkPeriod(validFrom: string, validTo: string | null) {
  if (validTo !== null && validTo < validFrom) {
    throw fieldError(
      'body.validTo',
      'beforeStart',
      'O fim da vigência não pode ser anterior ao início.',
    );
  }
}

/** A client's contracts: admin code, postage card, modality and validity. */
export function createContractsService(
  ctx: AppContext,
  deps: { contracts: ContractsRepository; clients: ClientsRepository; recorder: Recorder },
) {
  const { contracts, clients, recorder } = deps;

  return {
    async listOfClient(clientId: string, page: PageInput) {
      if (!(await clients.find(ctx.db, clientId))) {
        throw notFound('Cliente');
      }
      const { rows, total } = await contracts.listOfClient(ctx.db, clientId, page);

      return { contracts: rows, page: pageResult(page, total) };
    },

    async create(staff: StaffActor, clientId: string, body: ContractBody) {
      checkPeriod(body.validFrom, body.validTo ?? null);
      const contract = await recorder.create(staff, SPEC, async (tx) => {
        if (!(await clients.lock(tx, clientId))) {
          throw notFound('Cliente');
        }

        return contracts.insert(tx, { ...body, clientId });
      });

      return { contract };
    },

    async update(
      staff: StaffActor,
      id: string,
      body: ContractUpdateBody,
      expectedVersion?: number,
    ) {
      const contract = await recorder.update(
        staff,
        SPEC,
        (tx) => contracts.lock(tx, id),
        (tx, before) => {
          const merged = { ...before, ...body };
          checkPeriod(merged.validFrom, merged.validTo);

          return contracts.update(tx, id, { ...body, updatedAt: ctx.clock.now() });
        },
        expectedVersion,
      );

      return { contract };
    },
  };
}

export type ContractsService = ReturnType<typeof createContractsService>;

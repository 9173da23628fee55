import type { AppContext } from '@server/context.ts';
import type { Tx } from '@server/db/transaction.ts';
import { fieldError, notFound } from '@server/errors.ts';
import type { StaffActor } from '@server/modules/auth/actor.ts';
import type { AgenciesRepository } from '@server/modules/backoffice/backoffice.agencies.repository.ts';
import { pageResult, type PageInput } from '@server/modules/backoffice/backoffice.common.ts';
import type { ContractsRepository } from '@server/modules/backoffice/backoffice.contracts.repository.ts';
import type { ChangeSpec, Recorder } from '@server/modules/backoffice/backoffice.recorder.ts';
import type {
  ServiceFilter,
  ServicesRepository,
} from '@server/modules/backoffice/backoffice.services.repository.ts';
import { settleServiceRules } from '@server/modules/backoffice/backoffice.services.rules.ts';
import type {
  ServiceBody,
  ServiceUpdateBody,
} from '@server/modules/backoffice/backoffice.services.schema.ts';

const SPEC: ChangeSpec = {
  entity: 'service',
  label: 'Serviço',
  conflicts: {
    services_code_key: { field: 'body.code', message: 'Já existe um serviço com este código.' },
  },
};

/** Services: what a client sells through the post, how it is captured, where and at what price. */
export function createServicesService(
  ctx: AppContext,
  deps: {
    services: ServicesRepository;
    contracts: ContractsRepository;
    agencies: AgenciesRepository;
    recorder: Recorder;
  },
) {
  const { services, contracts, agencies, recorder } = deps;

  async function checkAgencies(tx: Tx, ids: readonly string[]) {
    const known = await agencies.existing(tx, ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw fieldError(
        'body.agencyIds',
        'notFound',
        `Agência não encontrada: ${unknown.join(', ')}.`,
      );
    }
  }

  async function reload(tx: Tx, id: string) {
    const service = await services.find(tx, id);
    if (!service) {
      throw notFound('Serviço');
    }

    return service;
  }

  return {
    async list(filter: ServiceFilter, page: PageInput) {
      const { rows, total } = await services.list(ctx.db, filter, page);

      return { services: rows, page: pageResult(page, total) };
    },

    async get(id: string) {
      const service = await services.find(ctx.db, id);
      if (!service) {
        throw notFound('Serviço');
      }

      return { service };
    },

    async create(staff: StaffActor, body: ServiceBody) {
      const { agencyIds = [], ...fields } = body;
      const rules = settleServiceRules(
        {
          solution: fields.solution,
          clientSiteUrl: fields.clientSiteUrl ?? null,
          priceRule: fields.priceRule ?? 'tariff',
          partnerPriceMinCents: fields.partnerPriceMinCents ?? null,
          partnerPriceMaxCents: fields.partnerPriceMaxCents ?? null,
        },
        fields.clientSiteUrl !== undefined,
      );
      const service = await recorder.create(staff, SPEC, async (tx) => {
        const contract = await contracts.find(tx, fields.contractId);
        if (!contract) {
          throw fieldError('body.contractId', 'notFound', 'Contrato não encontrado.');
        }
        await checkAgencies(tx, agencyIds);
        const id = await services.insert(tx, { ...fields, ...rules, clientId: contract.clientId });
        await services.replaceAgencies(tx, id, agencyIds);

        return reload(tx, id);
      });

      return { service };
    },

    async update(staff: StaffActor, id: string, body: ServiceUpdateBody, expectedVersion?: number) {
      const { agencyIds, ...fields } = body;
      const service = await recorder.update(
        staff,
        SPEC,
        (tx) => services.lock(tx, id),
        async (tx, before) => {
          // A JSON body has no undefined values: what it leaves out keeps its stored value.
          const rules = settleServiceRules(
            { ...before, ...fields },
            fields.clientSiteUrl !== undefined,
          );
          await services.update(tx, id, { ...fields, ...rules, updatedAt: ctx.clock.now() });
          if (agencyIds) {
            await checkAgencies(tx, agencyIds);
            await services.replaceAgencies(tx, id, agencyIds);
          }

          return reload(tx, id);
        },
        expectedVersion,
      );

      return { service };
    },
  };
}

export type ServicesService = ReturnType<typeof createServicesService>;

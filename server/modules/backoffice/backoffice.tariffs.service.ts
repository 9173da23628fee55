import type { AppContext } from '@server/context.ts';
import type { Tx } from '@server/db/transaction.ts';
import { AppError, fieldError, notFound } from '@server/errors.ts';
import type { StaffActor } from '@server/modules/auth/actor.ts';
import { pageResult, type PageInput } from '@server/modules/backoffice/backoffice.common.ts';
import type { ContractsRepository } from '@server/modules/backoffice/backoffice.contracts.repository.ts';
import { checkPeriod } from '@server/modules/backoffice/backoffice.contracts.service.ts';
import type { ChangeSpec, Recorder } from '@server/modules/backoffice/backoffice.recorder.ts';
import type { ServicesRepository } from '@server/modules/backoffice/backoffice.services.repository.ts';
import type {
  Period,
  TariffsRepository,
} from '@server/modules/backoffice/backoffice.tariffs.repository.ts';
import type {
  TariffBody,
  TariffUpdateBody,
} from '@server/modules/backoffice/backoffice.tariffs.schema.ts';

const SPEC: ChangeSpec = { entity: 'tariff', label: 'Tarifa', conflicts: {} };

/** `2026-12-03` as people read it: `03/12/2026`. */
const showDate = (date: string) => date.split('-').reverse().join('/');

const showPeriod = (period: Period) =>
  period.validTo === null
    ? `a partir de ${showDate(period.validFrom)}, sem data de fim`
    : `de ${showDate(period.validFrom)} a ${showDate(period.validTo)}`;

/**
 * Tariffs: the price of a service under a contract, per validity period. Periods of one
 * contract and service never overlap, so exactly one price is in force on any day. Protocols
 * capture the price they were charged; a tariff they used never changes its amount.
 */
export function createTariffsService(
  ctx: AppContext,
  deps: {
    tariffs: TariffsRepository;
    services: ServicesRepository;
    contracts: ContractsRepository;
    recorder: Recorder;
  },
) {
  const { tariffs, services, contracts, recorder } = deps;

  /** Refuses a period that meets another; the caller holds the service's row lock. */
  async function checkNoOverlap(
    tx: Tx,
    key: { contractId: string; serviceId: string },
    period: Period,
    except?: string,
  ) {
    checkPeriod(period.validFrom, period.validTo);
    const [clash] = await tariffs.overlapping(tx, key, period, except);
    if (clash) {
      throw new AppError(
        'CONFLICT',
        `Já existe uma tarifa deste serviço neste contrato vigente ${showPeriod(clash)}. ` +
          'Os períodos não podem se sobrepor: encerre a tarifa anterior (data de fim) ' +
          'ou escolha outro período.',
        { fields: [{ field: 'body.validFrom', code: 'overlap', message: 'Período sobreposto.' }] },
      );
    }
  }

  async function reload(tx: Tx, id: string) {
    const tariff = await tariffs.find(tx, id);
    if (!tariff) {
      throw notFound('Tarifa');
    }

    return tariff;
  }

  return {
    async listOfService(serviceId: string, contractId: string | undefined, page: PageInput) {
      if (!(await services.find(ctx.db, serviceId))) {
        throw notFound('Serviço');
      }
      const { rows, total } = await tariffs.listOfService(ctx.db, serviceId, contractId, page);

      return { tariffs: rows, page: pageResult(page, total) };
    },

    async create(staff: StaffActor, serviceId: string, body: TariffBody) {
      const tariff = await recorder.create(staff, SPEC, async (tx) => {
        const service = await services.lock(tx, serviceId);
        if (!service) {
          throw notFound('Serviço');
        }
        const contractId = body.contractId ?? service.contractId;
        const contract = await contracts.find(tx, contractId);
        if (!contract || contract.clientId !== service.clientId) {
          throw fieldError(
            'body.contractId',
            'notFound',
            'Contrato não encontrado entre os contratos do cliente deste serviço.',
          );
        }
        const period = { validFrom: body.validFrom, validTo: body.validTo ?? null };
        await checkNoOverlap(tx, { contractId, serviceId }, period);
        const id = await tariffs.insert(tx, {
          serviceId,
          contractId,
          amountCents: body.amountCents,
          ...period,
          createdBy: staff.staffId,
        });

        return reload(tx, id);
      });

      return { tariff };
    },

    /** Closes (or moves the end of) a tariff, or corrects the amount of one never used. */
    async update(staff: StaffActor, id: string, body: TariffUpdateBody, expectedVersion?: number) {
      const tariff = await recorder.update(
        staff,
        SPEC,
        async (tx) => {
          const found = await tariffs.find(tx, id);
          if (!found) {
            return undefined;
          }
          await services.lock(tx, found.serviceId);

          return tariffs.lock(tx, id);
        },
        async (tx, before) => {
          // Attendances read the tariff `for share`, so an amount correction waits for one in
          // flight, and the database trigger then refuses it as used.
          const amountChanges =
            body.amountCents !== undefined && body.amountCents !== before.amountCents;
          if (amountChanges && before.inUse) {
            throw new AppError(
              'RULE_VIOLATED',
              'Esta tarifa já foi usada em protocolos e o valor não pode mudar: encerre-a ' +
                '(data de fim) e cadastre uma nova tarifa com o novo valor.',
              {
                fields: [{ field: 'body.amountCents', code: 'inUse', message: 'Tarifa já usada.' }],
              },
            );
          }
          const period = {
            validFrom: before.validFrom,
            validTo: body.validTo === undefined ? before.validTo : body.validTo,
          };
          await checkNoOverlap(tx, before, period, id);
          await tariffs.update(tx, id, { ...body });

          return reload(tx, id);
        },
        expectedVersion,
      );

      return { tariff };
    },
  };
}

export type TariffsService = ReturnType<typeof createTariffsService>;

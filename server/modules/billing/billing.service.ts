import { createHash } from 'node:crypto';
import { canonicalJson } from '@server/canonical-json.ts';
import type { AppContext } from '@server/context.ts';
import type { Database } from '@server/db/database.ts';
import { inTransaction, isUniqueViolation, type Tx } from '@server/db/transaction.ts';
import { AppError, notFound } from '@server/errors.ts';
import {
  actorLabel,
  BACK_OFFICE_ROLES,
  requireStaff,
  type Actor,
} from '@server/modules/auth/actor.ts';
import { statementDocument } from '@server/modules/billing/billing.document.ts';
import type { ChangesRepository } from '@server/modules/backoffice/backoffice.changes.repository.ts';
import type { ErpDeliveryRepository } from '@server/modules/billing/billing.erp.repository.ts';
import type {
  BillingRepository,
  LineDraft,
  StatementTotals,
} from '@server/modules/billing/billing.repository.ts';
import { runIdempotent } from '@server/modules/idempotency/idempotency.ts';
import type { DeliveryRepository } from '@server/modules/outbox/outbox.deliveries.repository.ts';
import {
  lastClosedPeriod,
  periodContaining,
  periodInstants,
  type BillingPeriod,
  type Period,
} from '@shared/billing/period.ts';
import { sumCents } from '@shared/money.ts';
import { localDate } from '@shared/time.ts';

type Deps = {
  billing: BillingRepository;
  erp: ErpDeliveryRepository;
  deliveries: DeliveryRepository;
  changes: ChangesRepository;
};

type Contract = NonNullable<Awaited<ReturnType<BillingRepository['lockContract']>>>;

const JOB_LABEL = 'Faturamento automático';

function totalsOf(lines: LineDraft[]): StatementTotals {
  const charges = lines.filter((line) => line.kind === 'charge').map((line) => line.totalCents);
  const credits = lines.filter((line) => line.kind === 'credit').map((line) => line.totalCents);

  return {
    chargeCents: sumCents(charges),
    creditCents: sumCents(credits),
    totalCents: sumCents([...charges, ...credits]),
    lineCount: lines.length,
    contentHash: createHash('sha256').update(canonicalJson(lines)).digest('hex'),
  };
}

function parseDay(value: string | undefined, field: string): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const day = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new AppError('VALIDATION_FAILED', 'Data inválida.', {
      fields: [{ field, code: 'date', message: 'Informe uma data válida (AAAA-MM-DD).' }],
    });
  }

  return value;
}

/**
 * Statements per contract and period (issue #7). A draft can be regenerated at will and always
 * gives the same lines for the same data; issuing freezes it (a trigger refuses any change),
 * records each protocol as charged or credited once ever, and queues it for the ERP.
 */
export function createBillingService(ctx: AppContext, deps: Deps) {
  const { billing, erp } = deps;

  async function compose(tx: Tx, contract: Contract, period: Period) {
    const { from, to } = periodInstants(period);
    const charges = await billing.chargeCandidates(tx, contract.id, from, to);
    const credits = await billing.creditCandidates(tx, contract.id, to);

    return [...charges, ...credits];
  }

  /** Creates or regenerates the draft of `period`; an issued statement is left as it is. */
  async function generateIn(tx: Tx, contract: Contract, period: Period, by: string) {
    const existing = await billing.findByPeriod(tx, contract.id, period.start);
    if (existing?.status === 'issued') {
      return existing.id;
    }
    const lines = await compose(tx, contract, period);
    const now = ctx.clock.now();
    const id =
      existing?.id ??
      (await billing.createDraft(tx, {
        number: `${contract.number}-${period.start.slice(0, 7).replace('-', '')}-${period.start.slice(8)}`,
        contractId: contract.id,
        clientId: contract.clientId,
        periodStart: period.start,
        periodEnd: period.end,
        generatedAt: now,
        generatedBy: by,
      }));
    await billing.replaceLines(tx, id, lines, totalsOf(lines), { at: now, by });

    return id;
  }

  async function issueIn(tx: Tx, statementId: string, by: string) {
    const header = await billing.findHeader(tx, statementId);
    if (!header) {
      throw notFound('Extrato');
    }
    const contract = await billing.lockContract(tx, header.contractId);
    const current = await billing.findHeader(tx, statementId);
    if (!contract || !current || current.status === 'issued') {
      return;
    }
    const period = { start: current.periodStart, end: current.periodEnd };
    const now = ctx.clock.now();
    if (now < periodInstants(period).to) {
      throw new AppError('RULE_VIOLATED', 'O período do extrato ainda não terminou.', {
        fields: [
          {
            field: 'params.id',
            code: 'periodOpen',
            message: `O extrato só pode ser emitido depois de ${current.periodEnd}.`,
          },
        ],
      });
    }
    await generateIn(tx, contract, period, by);
    await billing.issue(tx, statementId, now, by);
    const issued = await billing.findHeader(tx, statementId);
    await erp.enqueue(
      tx,
      statementId,
      { statementId, number: issued?.number, totalCents: issued?.totalCents },
      now,
    );
  }

  async function detail(db: Database | Tx, statementId: string) {
    const header = await billing.findHeader(db, statementId);
    if (!header) {
      throw notFound('Extrato');
    }
    const lines = await billing.lines(db, statementId);

    return statementDocument(header, lines);
  }

  function requireBackOffice(actor: Actor) {
    return requireStaff(actor, BACK_OFFICE_ROLES);
  }

  return {
    async contracts(actor: Actor) {
      requireBackOffice(actor);

      return { contracts: await billing.listContracts(ctx.db) };
    },

    /** The change is logged for the back office's audit trail, with the period before and after. */
    async setBillingPeriod(actor: Actor, contractId: string, period: BillingPeriod) {
      const staff = requireBackOffice(actor);
      await inTransaction(ctx.db, async (tx) => {
        const contract = await billing.lockContract(tx, contractId);
        if (!contract) {
          throw notFound('Contrato');
        }
        const before = {
          id: contract.id,
          number: contract.number,
          billingPeriod: contract.billingPeriod,
        };
        const after = await billing.setBillingPeriod(tx, contractId, period);

        await deps.changes.record(tx, staff, {
          entity: 'contract',
          entityId: contractId,
          before,
          after,
        });
      });

      return { contracts: await billing.listContracts(ctx.db) };
    },

    async list(actor: Actor, filter: { contractId?: string | undefined; limit?: number }) {
      requireBackOffice(actor);

      return { statements: await billing.list(ctx.db, { ...filter, limit: filter.limit ?? 100 }) };
    },

    async get(actor: Actor, statementId: string) {
      requireBackOffice(actor);

      return detail(ctx.db, statementId);
    },

    /** Generates (or regenerates) the draft of the period containing `day`, default the last one. */
    async generate(
      actor: Actor,
      input: { contractId: string; day?: string | undefined },
      key: string | undefined,
    ) {
      const staff = requireBackOffice(actor);
      const day = parseDay(input.day, 'body.day');
      const request = { scope: `staff:${staff.staffId}`, key, fingerprint: ['generate', input] };

      return runIdempotent(ctx.db, request, async (tx) => {
        const contract = await billing.lockContract(tx, input.contractId);
        if (!contract) {
          throw new AppError('NOT_FOUND', 'Contrato não encontrado.', {
            fields: [
              { field: 'body.contractId', code: 'notFound', message: 'Contrato não existe.' },
            ],
          });
        }
        const period = day
          ? periodContaining(contract.billingPeriod, day)
          : lastClosedPeriod(contract.billingPeriod, ctx.clock.now());
        const id = await generateIn(tx, contract, period, actorLabel(staff));

        return { statusCode: 200, body: await detail(tx, id) };
      });
    },

    async issue(actor: Actor, statementId: string, key: string | undefined) {
      const staff = requireBackOffice(actor);
      const request = { scope: `staff:${staff.staffId}`, key, fingerprint: ['issue', statementId] };
      try {
        return await runIdempotent(ctx.db, request, async (tx) => {
          await issueIn(tx, statementId, actorLabel(staff));

          return { statusCode: 200, body: await detail(tx, statementId) };
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError('CONFLICT', 'Um protocolo deste extrato já foi faturado em outro.', {
            cause: error,
          });
        }
        throw error;
      }
    },

    async deliveries(actor: Actor, statementId: string) {
      requireBackOffice(actor);
      if (!(await billing.findHeader(ctx.db, statementId))) {
        throw notFound('Extrato');
      }

      return {
        deliveries: await erp.list(ctx.db, statementId),
        acknowledgements: await billing.acknowledgements(ctx.db, statementId),
      };
    },

    async replay(actor: Actor, statementId: string, deliveryId: number) {
      requireBackOffice(actor);
      const delivery = await erp.findDelivery(ctx.db, deliveryId);
      if (!delivery || delivery.statementId !== statementId) {
        throw notFound('Envio');
      }
      await deps.deliveries.replay(ctx.db, deliveryId, ctx.clock.now());

      return this.deliveries(actor, statementId);
    },

    /**
     * The scheduled job: issues the last closed period of every billable contract. A contract
     * another server is billing is skipped (its row is locked), so the job may run everywhere.
     */
    async issueDue() {
      const now = ctx.clock.now();
      let issued = 0;
      for (const candidate of await billing.billableContracts(ctx.db)) {
        const done = await inTransaction(ctx.db, async (tx) => {
          const contract = await billing.lockContract(tx, candidate.id, true);
          if (!contract) {
            return false;
          }
          const period = lastClosedPeriod(contract.billingPeriod, now);
          const existing = await billing.findByPeriod(tx, contract.id, period.start);
          if (existing?.status === 'issued') {
            return false;
          }
          if (!existing && contract.modality !== 'invoiced') {
            const lines = await compose(tx, contract, period);
            if (lines.length === 0) {
              return false;
            }
          }
          const id = await generateIn(tx, contract, period, JOB_LABEL);
          await issueIn(tx, id, JOB_LABEL);

          return true;
        });
        issued += done ? 1 : 0;
      }
      ctx.logger.info({ event: 'statements_issued', issued, day: localDate(now) }, 'billing job');

      return { issued };
    },
  };
}

export type BillingService = ReturnType<typeof createBillingService>;

import { createHash } from 'node:crypto';
import type { AppContext } from '@server/context.ts';
import type { DifferenceStatus } from '@server/db/schema.ts';
import { inTransaction, type Tx } from '@server/db/transaction.ts';
import { AppError } from '@server/errors.ts';
import {
  actorLabel,
  BACK_OFFICE_ROLES,
  requireStaff,
  type Actor,
  type StaffActor,
} from '@server/modules/auth/actor.ts';
import {
  businessDay,
  isBackOffice,
  managedAgency,
} from '@server/modules/reconciliation/reconciliation.access.ts';
import {
  compareCounterDay,
  compareErp,
} from '@server/modules/reconciliation/reconciliation.compare.ts';
import {
  parseCounterFile,
  parseErpFile,
} from '@server/modules/reconciliation/reconciliation.files.ts';
import type {
  DifferenceDraft,
  ReconciliationRepository,
} from '@server/modules/reconciliation/reconciliation.repository.ts';
import { periodInstants } from '@shared/billing/period.ts';
import { localDate } from '@shared/time.ts';

function hashOf(content: string): string {
  const normalised = content
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .trim();

  return createHash('sha256').update(normalised).digest('hex');
}

const differenceNotFound = () =>
  new AppError('NOT_FOUND', 'Diferença não encontrada.', {
    fields: [{ field: 'params.id', code: 'notFound', message: 'Diferença não encontrada.' }],
  });

/**
 * Reconciliation (issue #7): the counter's day file and the ERP's acknowledgement file are
 * compared with STER's records and every difference is stored, item by item. A difference is
 * never matched away: it stays open until someone explains or resolves it with a signed note.
 */
export function createReconciliationService(ctx: AppContext, repository: ReconciliationRepository) {
  async function record(
    staff: StaffActor,
    source: 'counter' | 'erp',
    scope: { agencyId: string | null; businessDate: string | null },
    content: string,
    rowCount: number,
    compare: (tx: Tx) => Promise<DifferenceDraft[]>,
  ) {
    const fileHash = hashOf(content);

    return inTransaction(ctx.db, async (tx) => {
      // The same file imported again is the same import: its differences are not doubled.
      const existing = await repository.findImport(tx, source, scope.agencyId, fileHash);
      if (existing) {
        return { importId: existing.id, replayed: true };
      }
      const differences = await compare(tx);
      const importId = await repository.insertImport(
        tx,
        {
          source,
          ...scope,
          fileHash,
          rowCount,
          importedBy: staff.staffId,
          importedByLabel: actorLabel(staff),
          importedAt: ctx.clock.now(),
        },
        differences,
      );

      return { importId, replayed: false };
    });
  }

  async function report(staff: StaffActor, result: { importId: string; replayed: boolean }) {
    const differences = await repository.listDifferences(ctx.db, {
      importId: result.importId,
      backOffice: true,
      limit: 1000,
    });
    const visible = isBackOffice(staff)
      ? differences
      : differences.filter((difference) => difference.agencyCode === staff.agency?.code);

    return { importId: result.importId, replayed: result.replayed, differences: visible };
  }

  return {
    async importCounterFile(
      actor: Actor,
      body: { agencyId?: string | undefined; date: string; content: string },
    ) {
      const { staff, agencyId } = managedAgency(actor, body.agencyId, 'body.agencyId');
      const date = businessDay(body.date, localDate(ctx.clock.now()), 'body.date');
      if (!(await repository.findAgency(ctx.db, agencyId))) {
        throw new AppError('NOT_FOUND', 'Agência não encontrada.', {
          fields: [{ field: 'body.agencyId', code: 'notFound', message: 'Agência não existe.' }],
        });
      }
      const rows = parseCounterFile(body.content);
      const { from, to } = periodInstants({ start: date, end: date });
      const result = await record(
        staff,
        'counter',
        { agencyId, businessDate: date },
        body.content,
        rows.length,
        async (tx) =>
          compareCounterDay(
            agencyId,
            rows,
            await repository.counterDay(tx, agencyId, from, to),
            (row) => repository.findByReference(tx, agencyId, row),
          ),
      );

      return report(staff, result);
    },

    async importErpFile(actor: Actor, body: { content: string }) {
      const staff = requireStaff(actor, BACK_OFFICE_ROLES);
      const rows = parseErpFile(body.content);
      const numbers = [...new Set(rows.map((row) => row.statementNumber))];
      const result = await record(
        staff,
        'erp',
        { agencyId: null, businessDate: null },
        body.content,
        rows.length,
        async (tx) =>
          compareErp(
            rows,
            await repository.billedOn(tx, numbers),
            await repository.neverBilled(tx, numbers),
          ),
      );

      return report(staff, result);
    },

    /** Differences this actor may see: counter staff their agency's only, back office all. */
    async differences(
      actor: Actor,
      query: {
        status?: DifferenceStatus | undefined;
        agencyId?: string | undefined;
        limit?: number;
      },
    ) {
      const staff = requireStaff(actor);
      const backOffice = isBackOffice(staff);
      const agencyId = backOffice ? query.agencyId : staff.agency?.id;

      return {
        differences: await repository.listDifferences(ctx.db, {
          agencyId,
          backOffice,
          status: query.status,
          limit: query.limit ?? 200,
        }),
      };
    },

    async addNote(
      actor: Actor,
      differenceId: string,
      body: { note: string; resolution?: 'explained' | 'resolved' | undefined },
    ) {
      const staff = requireStaff(actor, ['supervisor', ...BACK_OFFICE_ROLES]);
      const note = body.note.trim();
      if (note.length === 0) {
        throw new AppError('VALIDATION_FAILED', 'Escreva a explicação.', {
          fields: [
            { field: 'body.note', code: 'required', message: 'A nota não pode ficar vazia.' },
          ],
        });
      }
      await inTransaction(ctx.db, async (tx) => {
        const difference = await repository.lockDifference(tx, differenceId);
        const mine = isBackOffice(staff) || (difference?.agencyId ?? null) === staff.agency?.id;
        if (!difference || !mine) {
          throw differenceNotFound();
        }
        await repository.addNote(tx, {
          differenceId,
          note,
          resolution: body.resolution ?? null,
          authorId: staff.staffId,
          authorLabel: actorLabel(staff),
          createdAt: ctx.clock.now(),
        });
      });
      const [updated] = await repository.listDifferences(ctx.db, {
        id: differenceId,
        backOffice: true,
        limit: 1,
      });
      if (!updated) {
        throw differenceNotFound();
      }

      return { difference: updated };
    },
  };
}

export type ReconciliationService = ReturnType<typeof createReconciliationService>;

import type { AppContext } from '@server/context.ts';
import { inTransaction, isUniqueViolation, type Tx } from '@server/db/transaction.ts';
import { AppError } from '@server/errors.ts';
import { requireCounterStaff, type Actor, type StaffActor } from '@server/modules/auth/actor.ts';
import type { CounterRepository } from '@server/modules/counter/counter.repository.ts';
import { presentReceipt, presentSale } from '@server/modules/counter/counter.presenter.ts';
import { runIdempotent } from '@server/modules/idempotency/idempotency.ts';
import {
  illegalTransition,
  staffEventActor,
  type ProtocolHistory,
} from '@server/modules/protocol/protocol.history.ts';
import { parseDocumentField } from '@server/modules/protocol/protocol.creation.ts';
import { presentProtocol } from '@server/modules/protocol/protocol.presenter.ts';
import type {
  LockedProtocolView,
  ProtocolRepository,
} from '@server/modules/protocol/protocol.repository.ts';
import { parseProtocolCode, protocolNotFound } from '@server/modules/protocol/protocol.service.ts';
import type { CancelReason } from '@shared/protocol/lifecycle.ts';

type CounterStaff = StaffActor & { agency: NonNullable<StaffActor['agency']> };

export type CounterReference = { till: string; entryNumber: string; attendanceNumber: string };

type ClosingInput<R extends string> = { reason: R; note?: string | undefined };

const PENDING_LIST_LIMIT = 200;

export function createCounterService(
  ctx: AppContext,
  deps: { counter: CounterRepository; protocols: ProtocolRepository; history: ProtocolHistory },
) {
  const { counter, protocols, history } = deps;

  /**
   * Locks a protocol of the attendant's own agency, read with everything its answers show;
   * anything else is "not found".
   */
  async function lockOwn(tx: Tx, staff: CounterStaff, code: string): Promise<LockedProtocolView> {
    const row = await protocols.lockViewByCode(tx, code);
    if (!row || row.agencyId !== staff.agency.id) {
      throw protocolNotFound();
    }

    return row;
  }

  async function viewOwn(db: AppContext['db'] | Tx, staff: CounterStaff, code: string) {
    const row = await protocols.findView(db, code, { kind: 'all' });
    if (!row || row.agencyId !== staff.agency.id) {
      throw protocolNotFound();
    }

    return row;
  }

  async function receiptOf(db: AppContext['db'] | Tx, staff: CounterStaff, code: string) {
    const row = await viewOwn(db, staff, code);
    const finalisedAt = await protocols.lastEventAt(db, row.id, 'finalise');
    if (!finalisedAt) {
      throw new AppError('RULE_VIOLATED', 'Só há comprovante de protocolos finalizados.');
    }
    const lines = await protocols.listLines(db, row.id);

    return {
      receipt: presentReceipt(row, lines, finalisedAt, ctx.vault),
      protocol: presentProtocol(row, ctx.vault),
    };
  }

  /** Cancel and reverse: a transition with a reason, answered with the protocol as it now is. */
  function close(
    actor: Actor,
    rawCode: string,
    transition: 'cancel' | 'reverse',
    input: ClosingInput<string>,
    key: string | undefined,
  ) {
    const staff = requireCounterStaff(actor);
    const code = parseProtocolCode(rawCode);

    return runIdempotent(
      ctx.db,
      { scope: `staff:${staff.staffId}`, key, fingerprint: [transition, code, input] },
      async (tx) => {
        const row = await lockOwn(tx, staff, code);
        const at = ctx.clock.now();
        const status = await history.transition(
          tx,
          row,
          transition,
          { actor: staffEventActor(staff), reason: input.reason, note: input.note ?? null },
          at,
        );
        // The row is locked: it now is what was read, with what the transition wrote.
        const view = { ...row, status, updatedAt: at };

        return { statusCode: 200, body: { protocol: presentProtocol(view, ctx.vault) } };
      },
    );
  }

  return {
    /** "Protocolos STER": pending protocols of this agency, by attendant (default: me) or CPF. */
    async listPending(
      actor: Actor,
      filter: { registration?: string | undefined; document?: string | undefined },
    ) {
      const staff = requireCounterStaff(actor);
      let attendantId: string | undefined = staff.staffId;
      let documentHash: string | undefined;

      if (filter.document !== undefined) {
        const document = parseDocumentField(filter.document, 'body.document');
        documentHash = ctx.vault.indexOf(document.number);
        attendantId = undefined;
      } else if (filter.registration !== undefined && filter.registration !== staff.registration) {
        const other = await counter.findAttendant(ctx.db, filter.registration);
        if (!other || other.agencyId !== staff.agency.id) {
          throw new AppError('NOT_FOUND', 'Não há atendente com esta matrícula nesta agência.');
        }
        attendantId = other.id;
      }

      const rows = await protocols.search(
        ctx.db,
        {
          agencyId: staff.agency.id,
          ...(attendantId ? { attendantId } : {}),
          ...(documentHash ? { documentHash } : {}),
          statuses: ['pending'],
          limit: PENDING_LIST_LIMIT,
        },
        { kind: 'all' },
      );

      return { protocols: rows.map((row) => presentProtocol(row, ctx.vault)) };
    },

    /** "Gerar atendimento": the lines for the counter's sale grid. Recorded, but no status change. */
    async generate(actor: Actor, rawCode: string) {
      const staff = requireCounterStaff(actor);
      const code = parseProtocolCode(rawCode);

      return inTransaction(ctx.db, async (tx) => {
        const row = await lockOwn(tx, staff, code);
        if (row.status !== 'pending') {
          throw new AppError('ILLEGAL_TRANSITION', 'Só protocolos pendentes geram atendimento.');
        }
        await history.appendAndAdvance(
          tx,
          row,
          {
            type: 'attendanceGenerated',
            fromStatus: row.status,
            toStatus: row.status,
            actor: staffEventActor(staff),
          },
          ctx.clock.now(),
        );

        return { sale: presentSale(row, row.lines, ctx.vault) };
      });
    },

    /**
     * Finalises with the counter's own references. Those references are a natural idempotency
     * key: the same protocol finalised again with the same references gets its receipt again.
     */
    finalise(actor: Actor, rawCode: string, reference: CounterReference, key: string | undefined) {
      const staff = requireCounterStaff(actor);
      const code = parseProtocolCode(rawCode);

      return runIdempotent(
        ctx.db,
        { scope: `staff:${staff.staffId}`, key, fingerprint: ['finalise', code, reference] },
        async (tx) => {
          const row = await lockOwn(tx, staff, code);
          const sameReference =
            row.counterTill === reference.till &&
            row.counterEntryNumber === reference.entryNumber &&
            row.counterAttendanceNumber === reference.attendanceNumber;
          if (row.status === 'finalised' && sameReference) {
            return { statusCode: 200, body: await receiptOf(tx, staff, code) };
          }
          if (row.status !== 'pending') {
            throw illegalTransition(row.status, 'finalise');
          }

          // References another protocol already used are refused by the unique index
          // protocols_counter_reference_idx when the row is written (see the catch below).
          const patch = {
            counterTill: reference.till,
            counterEntryNumber: reference.entryNumber,
            counterAttendanceNumber: reference.attendanceNumber,
          };
          const at = ctx.clock.now();
          const status = await history.transition(
            tx,
            row,
            'finalise',
            { actor: staffEventActor(staff), data: { ...reference }, patch },
            at,
          );
          // The row is locked: it now is what was read, with what the transition wrote, and
          // the finalise event just appended is the last one.
          const view = { ...row, ...patch, status, updatedAt: at };
          const body = {
            receipt: presentReceipt(view, row.lines, at, ctx.vault),
            protocol: presentProtocol(view, ctx.vault),
          };

          return { statusCode: 200, body };
        },
      ).catch(async (error: unknown) => {
        if (isUniqueViolation(error)) {
          // The transaction is over: name the protocol holding the references, if it is found.
          const taken = await counter.findByCounterReference(ctx.db, staff.agency.id, reference);
          throw new AppError(
            'CONFLICT',
            taken
              ? `Estas referências do caixa já finalizaram o protocolo ${taken.code}.`
              : 'Estas referências do caixa já foram usadas em outro protocolo.',
          );
        }
        throw error;
      });
    },

    /** Cancels a pending protocol the citizen gave up on, or one opened by mistake. */
    cancel(
      actor: Actor,
      rawCode: string,
      input: ClosingInput<CancelReason>,
      key: string | undefined,
    ) {
      return close(actor, rawCode, 'cancel', input, key);
    },

    /** The counter's reversal ("estorno") of a finalised attendance. */
    reverse(actor: Actor, rawCode: string, input: ClosingInput<string>, key: string | undefined) {
      return close(actor, rawCode, 'reverse', input, key);
    },

    async receipt(actor: Actor, rawCode: string) {
      const staff = requireCounterStaff(actor);

      return receiptOf(ctx.db, staff, parseProtocolCode(rawCode));
    },
  };
}

export type CounterService = ReturnType<typeof createCounterService>;

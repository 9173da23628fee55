import type { AppContext } from '@server/context.ts';
import type { Tx } from '@server/db/transaction.ts';
import { AppError, notFound } from '@server/errors.ts';
import type { StaffActor } from '@server/modules/auth/actor.ts';
import type {
  CatalogueEntity,
  ChangesRepository,
} from '@server/modules/backoffice/backoffice.changes.repository.ts';
import { writing, type ConflictMessages } from '@server/modules/backoffice/backoffice.common.ts';

type Recorded = { id: string; version?: number };

function checkVersion(spec: ChangeSpec, before: Recorded, expected: number | undefined) {
  if (expected !== undefined && before.version !== expected) {
    throw new AppError(
      'STALE_VERSION',
      `${spec.label}: o registro foi alterado por outra pessoa depois que você o abriu ` +
        `(versão ${before.version ?? '?'}, você editava a ${expected}). ` +
        'Recarregue a tela para ver os dados atuais e refaça a alteração.',
      { fields: [{ field: 'headers.if-match', code: 'stale', message: 'Versão desatualizada.' }] },
    );
  }
}

export type ChangeSpec = {
  entity: CatalogueEntity;
  /** The record's name in messages: "Agência não encontrado." reads "Agência". */
  label: string;
  conflicts: ConflictMessages;
};

/** Logs one change of the record `id`; `before` is null when the change created it. */
export type LogChange = (id: string, before: object | null, after: object) => Promise<void>;

/**
 * Every catalogue change goes through here, so each one writes its `catalogue_changes` row in
 * the same transaction as the change itself, with the record as it was and as it became.
 */
export function createRecorder(ctx: AppContext, changes: ChangesRepository) {
  function change<T>(
    staff: StaffActor,
    spec: ChangeSpec,
    work: (tx: Tx, log: LogChange) => Promise<T>,
  ) {
    return writing(ctx.db, spec.conflicts, (tx) =>
      work(tx, (entityId, before, after) =>
        changes.record(tx, staff, { entity: spec.entity, entityId, before, after }),
      ),
    );
  }

  return {
    change,

    create<T extends Recorded>(staff: StaffActor, spec: ChangeSpec, work: (tx: Tx) => Promise<T>) {
      return change(staff, spec, async (tx, log) => {
        const after = await work(tx);
        await log(after.id, null, after);

        return after;
      });
    },

    /**
     * Loads (and locks) the record, checks it is still the version the caller read, applies the
     * change, and logs both versions.
     */
    update<T extends Recorded, U extends object = T>(
      staff: StaffActor,
      spec: ChangeSpec,
      load: (tx: Tx) => Promise<T | undefined>,
      apply: (tx: Tx, before: T) => Promise<U>,
      expectedVersion?: number,
    ) {
      return change(staff, spec, async (tx, log) => {
        const before = await load(tx);
        if (!before) {
          throw notFound(spec.label);
        }
        checkVersion(spec, before, expectedVersion);
        const after = await apply(tx, before);
        await log(before.id, before, after);

        return after;
      });
    },
  };
}

export type Recorder = ReturnType<typeof createRecorder>;

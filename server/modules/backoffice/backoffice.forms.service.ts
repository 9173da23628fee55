import type { AppContext } from '@server/context.ts';
import type { Tx } from '@server/db/transaction.ts';
import { AppError, notFound } from '@server/errors.ts';
import type { StaffActor } from '@server/modules/auth/actor.ts';
import { pageResult, type PageInput } from '@server/modules/backoffice/backoffice.common.ts';
import type { FormsRepository } from '@server/modules/backoffice/backoffice.forms.repository.ts';
import type {
  ChangeSpec,
  LogChange,
  Recorder,
} from '@server/modules/backoffice/backoffice.recorder.ts';
import type { ServicesRepository } from '@server/modules/backoffice/backoffice.services.repository.ts';
import type { FormDefinition } from '@shared/forms/form-definition.ts';
import { validateFormDefinition } from '@shared/forms/form-validation.ts';

const SPEC: ChangeSpec = { entity: 'formDefinition', label: 'Formulário', conflicts: {} };

type FormRow = NonNullable<Awaited<ReturnType<FormsRepository['findDraft']>>>;

function present(row: FormRow) {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/** A definition fit to be saved, or 422 FORM_INVALID with every problem found. */
function checkDefinition(definition: FormDefinition) {
  const errors = validateFormDefinition(definition);
  const [first] = errors;
  if (first) {
    throw new AppError('FORM_INVALID', `${first.message} (${first.field})`, {
      fields: errors.map((error) => ({ ...error, field: `body.definition.${error.field}` })),
    });
  }
}

const noDraft = () => new AppError('NOT_FOUND', 'Este serviço não tem rascunho de formulário.');

/**
 * Hosted-form versions of a service: one editable draft, and published versions that never
 * change. Protocols keep pointing at the version they were filled with.
 */
export function createFormsService(
  ctx: AppContext,
  deps: { forms: FormsRepository; services: ServicesRepository; recorder: Recorder },
) {
  const { forms, services, recorder } = deps;

  async function lockService(tx: Tx, serviceId: string) {
    if (!(await services.lock(tx, serviceId))) {
      throw notFound('Serviço');
    }
  }

  /** Creates the draft, or replaces the definition of the one there is. */
  async function saveDraft(
    tx: Tx,
    log: LogChange,
    staff: StaffActor,
    serviceId: string,
    definition: FormDefinition,
  ) {
    const before = await forms.findDraft(tx, serviceId);
    const after = before
      ? await forms.replaceDraft(tx, before.id, definition, staff.staffId)
      : await forms.insertDraft(tx, {
          serviceId,
          version: await forms.nextVersion(tx, serviceId),
          definition,
          createdBy: staff.staffId,
        });
    await log(after.id, before ? present(before) : null, present(after));

    return { draft: present(after) };
  }

  return {
    async list(serviceId: string, page: PageInput) {
      if (!(await services.find(ctx.db, serviceId))) {
        throw notFound('Serviço');
      }
      const draft = await forms.findDraft(ctx.db, serviceId);
      const { rows, total } = await forms.listPublished(ctx.db, serviceId, page);

      return {
        draft: draft ? present(draft) : null,
        published: rows.map(present),
        page: pageResult(page, total),
      };
    },

    putDraft(staff: StaffActor, serviceId: string, definition: FormDefinition) {
      checkDefinition(definition);

      return recorder.change(staff, SPEC, async (tx, log) => {
        await lockService(tx, serviceId);

        return saveDraft(tx, log, staff, serviceId, definition);
      });
    },

    /** Copies a published version into the draft, to edit and publish as a new version. */
    restore(staff: StaffActor, serviceId: string, version: number) {
      return recorder.change(staff, SPEC, async (tx, log) => {
        await lockService(tx, serviceId);
        const source = await forms.findPublished(tx, serviceId, version);
        if (!source) {
          throw new AppError('NOT_FOUND', `Versão ${version} publicada não encontrada.`);
        }

        return saveDraft(tx, log, staff, serviceId, source.definition);
      });
    },

    publish(staff: StaffActor, serviceId: string) {
      return recorder.change(staff, SPEC, async (tx, log) => {
        await lockService(tx, serviceId);
        const draft = await forms.findDraft(tx, serviceId);
        if (!draft) {
          throw noDraft();
        }
        checkDefinition(draft.definition);
        const published = await forms.publish(tx, draft.id, ctx.clock.now());
        await log(draft.id, present(draft), present(published));

        return { form: present(published) };
      });
    },

    discard(staff: StaffActor, serviceId: string) {
      return recorder.change(staff, SPEC, async (tx, log) => {
        await lockService(tx, serviceId);
        const draft = await forms.findDraft(tx, serviceId);
        if (!draft) {
          throw noDraft();
        }
        await forms.deleteDraft(tx, draft.id);
        await log(draft.id, present(draft), { id: draft.id, status: 'discarded' });

        return { draft: null };
      });
    },
  };
}

export type FormsService = ReturnType<typeof createFormsService>;

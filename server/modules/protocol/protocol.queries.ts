import type { AppContext } from '@server/context.ts';
import { AppError } from '@server/errors.ts';
import { requireStaff, type Actor } from '@server/modules/auth/actor.ts';
import type { CatalogueRepository } from '@server/modules/catalogue/catalogue.repository.ts';
import { presentLines } from '@server/modules/counter/counter.presenter.ts';
import { parseDocumentField } from '@server/modules/protocol/protocol.creation.ts';
import { presentProtocol } from '@server/modules/protocol/protocol.presenter.ts';
import type { ProtocolRepository } from '@server/modules/protocol/protocol.repository.ts';
import {
  parseProtocolCode,
  protocolNotFound,
  visibilityOf,
} from '@server/modules/protocol/protocol.service.ts';
import { maskDocument } from '@shared/documents.ts';
import {
  allFields,
  type FormData,
  type FormField,
  type FormValue,
} from '@shared/forms/form-definition.ts';
import { allowedTransitions, type ProtocolStatus } from '@shared/protocol/lifecycle.ts';

const SEARCH_LIMIT = 100;

/**
 * CPFs among the answers are shown masked, like everywhere else on screen: the attendant checks
 * them against the document the citizen hands over, and a full CPF is never sent for display.
 */
function presentAnswer(field: FormField, value: FormValue | undefined): FormValue {
  if (field.type === 'cpf' && typeof value === 'string') {
    return maskDocument({ kind: 'cpf', number: value });
  }

  return value ?? '';
}

/** "Consulta Protocolo" and the protocol's page: what staff may read, scoped to their agency. */
export function createProtocolQueries(
  ctx: AppContext,
  deps: { catalogue: CatalogueRepository; protocols: ProtocolRepository },
) {
  const { catalogue, protocols } = deps;

  async function findVisible(actor: Actor, rawCode: string) {
    const staff = requireStaff(actor);
    const row = await protocols.findView(ctx.db, parseProtocolCode(rawCode), visibilityOf(staff));
    if (!row) {
      throw protocolNotFound();
    }

    return row;
  }

  return {
    async search(
      actor: Actor,
      input: {
        code?: string | undefined;
        document?: string | undefined;
        status?: ProtocolStatus | undefined;
      },
    ) {
      const staff = requireStaff(actor);
      if (!input.code && !input.document) {
        throw new AppError('VALIDATION_FAILED', 'Informe o protocolo ou o CPF/CNPJ.', {
          fields: [
            { field: 'body.code', code: 'required', message: 'Informe o protocolo ou o CPF/CNPJ.' },
          ],
        });
      }
      const code = input.code ? parseProtocolCode(input.code, 'body.code') : undefined;
      let documentHash: string | undefined;
      if (input.document) {
        const document = parseDocumentField(input.document, 'body.document');
        documentHash = ctx.vault.indexOf(document.number);
      }

      const rows = await protocols.search(
        ctx.db,
        {
          ...(code ? { code } : {}),
          ...(documentHash ? { documentHash } : {}),
          ...(input.status ? { statuses: [input.status] } : {}),
          limit: SEARCH_LIMIT,
        },
        visibilityOf(staff),
      );

      return { protocols: rows.map((row) => presentProtocol(row, ctx.vault)) };
    },

    /** The protocol with its sale lines and its answers, labelled by the form version it used. */
    async detail(actor: Actor, rawCode: string) {
      const row = await findVisible(actor, rawCode);
      const lines = await protocols.listLines(ctx.db, row.id);
      const stored = await protocols.findFormData(ctx.db, row.id);
      const form = stored?.formDefinitionId
        ? await catalogue.findFormVersion(ctx.db, stored.formDefinitionId)
        : undefined;
      const answers =
        form && stored?.formDataSealed ? ctx.vault.unseal<FormData>(stored.formDataSealed) : {};

      return {
        protocol: presentProtocol(row, ctx.vault),
        lines: presentLines(lines),
        form: form
          ? {
              version: form.version,
              answers: allFields(form.definition)
                .filter((field) => answers[field.id] !== undefined)
                .map((field) => ({
                  field: field.id,
                  label: field.label,
                  value: presentAnswer(field, answers[field.id]),
                })),
              requiredDocuments: form.definition.requiredDocuments,
            }
          : null,
        allowedActions: allowedTransitions(row.status),
      };
    },

    async history(actor: Actor, rawCode: string) {
      const row = await findVisible(actor, rawCode);
      const events = await protocols.listEvents(ctx.db, row.id);

      return {
        events: events.map((event) => ({
          sequence: event.sequence,
          type: event.type,
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          actor: { kind: event.actorKind, label: event.actorLabel },
          agency:
            event.agencyCode && event.agencyName
              ? { code: event.agencyCode, name: event.agencyName }
              : null,
          terminal: event.terminal,
          reason: event.reason,
          note: event.note,
          occurredAt: event.occurredAt.toISOString(),
          hash: event.hash,
        })),
      };
    },
  };
}

export type ProtocolQueries = ReturnType<typeof createProtocolQueries>;

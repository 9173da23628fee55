import type { AppContext } from '@server/context.ts';
import { fieldError, notFound } from '@server/errors.ts';
import type { StaffActor } from '@server/modules/auth/actor.ts';
import type {
  ClientFilter,
  ClientsRepository,
} from '@server/modules/backoffice/backoffice.clients.repository.ts';
import type {
  ClientBody,
  ClientUpdateBody,
} from '@server/modules/backoffice/backoffice.clients.schema.ts';
import { pageResult, type PageInput } from '@server/modules/backoffice/backoffice.common.ts';
import type { ChangeSpec, Recorder } from '@server/modules/backoffice/backoffice.recorder.ts';
import { isCnpj, unmaskDocument } from '@shared/documents.ts';

const SPEC: ChangeSpec = {
  entity: 'client',
  label: 'Cliente',
  conflicts: {
    clients_code_key: { field: 'body.code', message: 'Já existe um cliente com esta sigla.' },
    clients_cnpj_key: { field: 'body.cnpj', message: 'Já existe um cliente com este CNPJ.' },
  },
};

/** The CNPJ as stored: unmasked, letters upper-cased, check digits verified. */
function parseCnpj(input: string): string {
  if (!isCnpj(input)) {
    throw fieldError('body.cnpj', 'cnpj', 'CNPJ inválido: confira os dígitos.');
  }

  return unmaskDocument(input);
}

/** Clients: the companies and public bodies whose services the post delivers. */
export function createClientsService(
  ctx: AppContext,
  deps: { clients: ClientsRepository; recorder: Recorder },
) {
  const { clients, recorder } = deps;

  return {
    async list(filter: ClientFilter, page: PageInput) {
      const { rows, total } = await clients.list(ctx.db, filter, page);

      return { clients: rows, page: pageResult(page, total) };
    },

    async find(id: string) {
      const client = await clients.find(ctx.db, id);
      if (!client) {
        throw notFound('Cliente');
      }

      return { client };
    },

    async create(staff: StaffActor, body: ClientBody) {
      const values = { ...body, cnpj: parseCnpj(body.cnpj) };
      const client = await recorder.create(staff, SPEC, (tx) => clients.insert(tx, values));

      return { client };
    },

    async update(staff: StaffActor, id: string, body: ClientUpdateBody, expectedVersion?: number) {
      const values = body.cnpj === undefined ? body : { ...body, cnpj: parseCnpj(body.cnpj) };
      const client = await recorder.update(
        staff,
        SPEC,
        (tx) => clients.lock(tx, id),
        (tx) => clients.update(tx, id, { ...values, updatedAt: ctx.clock.now() }),
        expectedVersion,
      );

      return { client };
    },
  };
}

export type ClientsService = ReturnType<typeof createClientsService>;

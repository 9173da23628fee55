import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import {
  COMMON_ERRORS,
  IdParams,
  TAGS,
  VersionHeaders,
} from '@server/modules/backoffice/backoffice.common.schema.ts';
import {
  flag,
  pageOf,
  staffOf,
  expectedVersion,
} from '@server/modules/backoffice/backoffice.common.ts';
import {
  ItemBody,
  ItemListResponse,
  ItemResponse,
  ItemsQuery,
  ItemUpdateBody,
} from '@server/modules/backoffice/backoffice.items.schema.ts';
import type { ItemsService } from '@server/modules/backoffice/backoffice.items.service.ts';

export function registerItemsRoutes(app: App, items: ItemsService) {
  app.get(
    '/api/v1/backoffice/services/:id/associated-items',
    {
      schema: {
        tags: TAGS,
        summary: 'Listar os itens associados do serviço (filtro por descrição ou código)',
        params: IdParams,
        querystring: ItemsQuery,
        response: withErrors({ 200: ItemListResponse }, ...COMMON_ERRORS, 404),
      },
    },
    async (request) => {
      const { active, ...page } = request.query;

      return items.listOfService(request.params.id, flag(active), pageOf(page));
    },
  );

  app.post(
    '/api/v1/backoffice/services/:id/associated-items',
    {
      schema: {
        tags: TAGS,
        summary: 'Cadastrar item associado do serviço',
        params: IdParams,
        body: ItemBody,
        response: withErrors({ 201: ItemResponse }, ...COMMON_ERRORS, 404, 409),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await items.create(staffOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/backoffice/associated-items/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Alterar item associado',
        params: IdParams,
        headers: VersionHeaders,
        body: ItemUpdateBody,
        response: withErrors({ 200: ItemResponse }, ...COMMON_ERRORS, 404, 409),
      },
    },
    async (request) =>
      items.update(staffOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.post(
    '/api/v1/backoffice/associated-items/:id/deactivate',
    {
      schema: {
        tags: TAGS,
        summary: 'Desativar item associado (deixa de ser cobrado em novos atendimentos)',
        params: IdParams,
        response: withErrors({ 200: ItemResponse }, ...COMMON_ERRORS, 404),
      },
    },
    async (request) => items.deactivate(staffOf(request), request.params.id),
  );
}

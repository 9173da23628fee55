import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import {
  ClientsQuery,
  ClientBody,
  ClientListResponse,
  ClientResponse,
  ClientUpdateBody,
} from '@server/modules/backoffice/backoffice.clients.schema.ts';
import type { ClientsService } from '@server/modules/backoffice/backoffice.clients.service.ts';
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

export function registerClientsRoutes(app: App, clients: ClientsService) {
  app.get(
    '/api/v1/backoffice/clients',
    {
      schema: {
        tags: TAGS,
        summary: 'Listar clientes (filtro por nome ou sigla, tipo e situação)',
        querystring: ClientsQuery,
        response: withErrors({ 200: ClientListResponse }, ...COMMON_ERRORS),
      },
    },
    async (request) => {
      const { kind, active, ...page } = request.query;

      return clients.list({ kind, active: flag(active) }, pageOf(page));
    },
  );

  app.get(
    '/api/v1/backoffice/clients/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Um cliente',
        params: IdParams,
        response: withErrors({ 200: ClientResponse }, ...COMMON_ERRORS, 404),
      },
    },
    async (request) => clients.find(request.params.id),
  );

  app.post(
    '/api/v1/backoffice/clients',
    {
      schema: {
        tags: TAGS,
        summary: 'Cadastrar cliente (CNPJ validado)',
        body: ClientBody,
        response: withErrors({ 201: ClientResponse }, ...COMMON_ERRORS, 409),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await clients.create(staffOf(request), request.body)),
  );

  app.patch(
    '/api/v1/backoffice/clients/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Alterar cliente (sigla, nome, CNPJ, tipo, situação)',
        params: IdParams,
        headers: VersionHeaders,
        body: ClientUpdateBody,
        response: withErrors({ 200: ClientResponse }, ...COMMON_ERRORS, 404, 409),
      },
    },
    async (request) =>
      clients.update(staffOf(request), request.params.id, request.body, expectedVersion(request)),
  );
}

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
  ServiceBody,
  ServiceListResponse,
  ServiceResponse,
  ServicesQuery,
  ServiceUpdateBody,
} from '@server/modules/backoffice/backoffice.services.schema.ts';
import type { ServicesService } from '@server/modules/backoffice/backoffice.services.service.ts';

export function registerServicesRoutes(app: App, services: ServicesService) {
  app.get(
    '/api/v1/backoffice/services',
    {
      schema: {
        tags: TAGS,
        summary: 'Listar serviços (filtro por nome ou código, cliente, contrato, situação)',
        querystring: ServicesQuery,
        response: withErrors({ 200: ServiceListResponse }, ...COMMON_ERRORS),
      },
    },
    async (request) => {
      const { clientId, contractId, active, ...page } = request.query;

      return services.list({ clientId, contractId, active: flag(active) }, pageOf(page));
    },
  );

  app.get(
    '/api/v1/backoffice/services/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Consultar serviço',
        params: IdParams,
        response: withErrors({ 200: ServiceResponse }, ...COMMON_ERRORS, 404),
      },
    },
    async (request) => services.get(request.params.id),
  );

  app.post(
    '/api/v1/backoffice/services',
    {
      schema: {
        tags: TAGS,
        summary: 'Cadastrar serviço (solução, tipos de atendimento, agências, regra de preço)',
        body: ServiceBody,
        response: withErrors({ 201: ServiceResponse }, ...COMMON_ERRORS, 409),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.create(staffOf(request), request.body)),
  );

  app.patch(
    '/api/v1/backoffice/services/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Alterar serviço',
        params: IdParams,
        headers: VersionHeaders,
        body: ServiceUpdateBody,
        response: withErrors({ 200: ServiceResponse }, ...COMMON_ERRORS, 404, 409),
      },
    },
    async (request) =>
      services.update(staffOf(request), request.params.id, request.body, expectedVersion(request)),
  );
}

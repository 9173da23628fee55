import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import {
  AgenciesQuery,
  AgencyBody,
  AgencyListResponse,
  AgencyResponse,
  AgencyUpdateBody,
} from '@server/modules/backoffice/backoffice.agencies.schema.ts';
import type { AgenciesService } from '@server/modules/backoffice/backoffice.agencies.service.ts';
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

export function registerAgenciesRoutes(app: App, agencies: AgenciesService) {
  app.get(
    '/api/v1/backoffice/agencies',
    {
      schema: {
        tags: TAGS,
        summary: 'Listar agências (filtro por nome ou código, tipo e situação)',
        querystring: AgenciesQuery,
        response: withErrors({ 200: AgencyListResponse }, ...COMMON_ERRORS),
      },
    },
    async (request) => {
      const { kind, active, ...page } = request.query;

      return agencies.list({ kind, active: flag(active) }, pageOf(page));
    },
  );

  app.post(
    '/api/v1/backoffice/agencies',
    {
      schema: {
        tags: TAGS,
        summary: 'Cadastrar agência',
        body: AgencyBody,
        response: withErrors({ 201: AgencyResponse }, ...COMMON_ERRORS, 409),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await agencies.create(staffOf(request), request.body)),
  );

  app.patch(
    '/api/v1/backoffice/agencies/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Alterar agência (nome, código, tipo, cidade, situação)',
        params: IdParams,
        headers: VersionHeaders,
        body: AgencyUpdateBody,
        response: withErrors({ 200: AgencyResponse }, ...COMMON_ERRORS, 404, 409),
      },
    },
    async (request) =>
      agencies.update(staffOf(request), request.params.id, request.body, expectedVersion(request)),
  );
}

import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import {
  COMMON_ERRORS,
  IdParams,
  TAGS,
  VersionHeaders,
} from '@server/modules/backoffice/backoffice.common.schema.ts';
import { pageOf, staffOf, expectedVersion } from '@server/modules/backoffice/backoffice.common.ts';
import {
  TariffBody,
  TariffListResponse,
  TariffResponse,
  TariffsQuery,
  TariffUpdateBody,
} from '@server/modules/backoffice/backoffice.tariffs.schema.ts';
import type { TariffsService } from '@server/modules/backoffice/backoffice.tariffs.service.ts';

export function registerTariffsRoutes(app: App, tariffs: TariffsService) {
  app.get(
    '/api/v1/backoffice/services/:id/tariffs',
    {
      schema: {
        tags: TAGS,
        summary: 'Listar as tarifas do serviço (filtro por contrato)',
        params: IdParams,
        querystring: TariffsQuery,
        response: withErrors({ 200: TariffListResponse }, ...COMMON_ERRORS, 404),
      },
    },
    async (request) => {
      const { contractId, ...page } = request.query;

      return tariffs.listOfService(request.params.id, contractId, pageOf(page));
    },
  );

  app.post(
    '/api/v1/backoffice/services/:id/tariffs',
    {
      schema: {
        tags: TAGS,
        summary: 'Cadastrar tarifa do serviço com período de vigência (sem sobreposição)',
        params: IdParams,
        body: TariffBody,
        response: withErrors({ 201: TariffResponse }, ...COMMON_ERRORS, 404, 409),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await tariffs.create(staffOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/backoffice/tariffs/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Encerrar tarifa (data de fim) ou corrigir o valor de tarifa ainda não usada',
        params: IdParams,
        headers: VersionHeaders,
        body: TariffUpdateBody,
        response: withErrors({ 200: TariffResponse }, ...COMMON_ERRORS, 404, 409, 422),
      },
    },
    async (request) =>
      tariffs.update(staffOf(request), request.params.id, request.body, expectedVersion(request)),
  );
}

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
  ContractBody,
  ContractListResponse,
  ContractResponse,
  ContractsQuery,
  ContractUpdateBody,
} from '@server/modules/backoffice/backoffice.contracts.schema.ts';
import type { ContractsService } from '@server/modules/backoffice/backoffice.contracts.service.ts';

export function registerContractsRoutes(app: App, contracts: ContractsService) {
  app.get(
    '/api/v1/backoffice/clients/:id/contracts',
    {
      schema: {
        tags: TAGS,
        summary: 'Listar os contratos do cliente (filtro pelo número)',
        params: IdParams,
        querystring: ContractsQuery,
        response: withErrors({ 200: ContractListResponse }, ...COMMON_ERRORS, 404),
      },
    },
    async (request) => contracts.listOfClient(request.params.id, pageOf(request.query)),
  );

  app.post(
    '/api/v1/backoffice/clients/:id/contracts',
    {
      schema: {
        tags: TAGS,
        summary: 'Cadastrar contrato do cliente',
        params: IdParams,
        body: ContractBody,
        response: withErrors({ 201: ContractResponse }, ...COMMON_ERRORS, 404, 409),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await contracts.create(staffOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/backoffice/contracts/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Alterar contrato (número, códigos, modalidade, associados, vigência)',
        params: IdParams,
        headers: VersionHeaders,
        body: ContractUpdateBody,
        response: withErrors({ 200: ContractResponse }, ...COMMON_ERRORS, 404, 409),
      },
    },
    async (request) =>
      contracts.update(staffOf(request), request.params.id, request.body, expectedVersion(request)),
  );
}

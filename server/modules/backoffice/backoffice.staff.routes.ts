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
  PasswordBody,
  StaffBody,
  StaffListResponse,
  StaffQuery,
  StaffResponse,
  StaffUpdateBody,
} from '@server/modules/backoffice/backoffice.staff.schema.ts';
import type { StaffService } from '@server/modules/backoffice/backoffice.staff.service.ts';

export function registerStaffRoutes(app: App, staff: StaffService) {
  app.get(
    '/api/v1/backoffice/staff',
    {
      schema: {
        tags: TAGS,
        summary: 'Listar funcionários (filtro por nome ou matrícula, agência, perfil)',
        querystring: StaffQuery,
        response: withErrors({ 200: StaffListResponse }, ...COMMON_ERRORS),
      },
    },
    async (request) => {
      const { agencyId, role, active, ...page } = request.query;

      return staff.list({ agencyId, role, active: flag(active) }, pageOf(page));
    },
  );

  app.post(
    '/api/v1/backoffice/staff',
    {
      schema: {
        tags: TAGS,
        summary: 'Cadastrar funcionário (matrícula, perfil, agência e senha inicial)',
        body: StaffBody,
        response: withErrors({ 201: StaffResponse }, ...COMMON_ERRORS, 409),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await staff.create(staffOf(request), request.body)),
  );

  app.patch(
    '/api/v1/backoffice/staff/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Alterar funcionário (nome, perfil, agência, situação)',
        params: IdParams,
        headers: VersionHeaders,
        body: StaffUpdateBody,
        response: withErrors({ 200: StaffResponse }, ...COMMON_ERRORS, 404, 422, 409),
      },
    },
    async (request) =>
      staff.update(staffOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.post(
    '/api/v1/backoffice/staff/:id/password',
    {
      schema: {
        tags: TAGS,
        summary: 'Redefinir a senha do funcionário (encerra as sessões abertas)',
        params: IdParams,
        body: PasswordBody,
        response: withErrors({ 200: StaffResponse }, ...COMMON_ERRORS, 404),
      },
    },
    async (request) =>
      staff.resetPassword(staffOf(request), request.params.id, request.body.password),
  );
}

import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import type { PartnerAdmin } from '@server/modules/partner/partner.admin.ts';
import { PartnerIdParams } from '@server/modules/partner/partner.admin.schema.ts';
import type { HooksAdmin } from '@server/modules/partner/partner.hooks.ts';
import {
  HookBody,
  HookListResponse,
  HookParams,
  PartnerChangesResponse,
} from '@server/modules/partner/partner.hooks.schema.ts';

const TAGS = ['Retaguarda: parceiros'];
const BASE = '/api/v1/backoffice/partners';

/** Back office: which hosted-form services call the partner, and the partner's audit trail. */
export function registerHooksRoutes(app: App, hooks: HooksAdmin, admin: PartnerAdmin) {
  app.get(
    `${BASE}/:id/services`,
    {
      schema: {
        tags: TAGS,
        summary: 'Serviços do cliente do parceiro, com as chamadas ao parceiro configuradas',
        params: PartnerIdParams,
        response: withErrors({ 200: HookListResponse }, 400, 401, 403, 404),
      },
    },
    async (request) => hooks.list(request.actor, request.params.id),
  );

  app.put(
    `${BASE}/:id/services/:serviceId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Configura a validação e o envio dos dados de um serviço de formulário do STER',
        params: HookParams,
        body: HookBody,
        response: withErrors({ 200: HookListResponse }, 400, 401, 403, 404, 409, 422),
      },
    },
    async (request) =>
      hooks.set(request.actor, request.params.id, request.params.serviceId, request.body),
  );

  app.get(
    `${BASE}/:id/changes`,
    {
      schema: {
        tags: TAGS,
        summary: 'Auditoria do parceiro: alterações, tokens emitidos, trocados e revogados',
        description: 'Quem, quando, antes e depois. Nunca contém tokens nem segredos.',
        params: PartnerIdParams,
        response: withErrors({ 200: PartnerChangesResponse }, 400, 401, 403, 404),
      },
    },
    async (request) => admin.listChanges(request.actor, request.params.id),
  );
}

import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import type { PartnerAdmin } from '@server/modules/partner/partner.admin.ts';
import {
  ClientSiteLinkResponse,
  CredentialBody,
  CredentialParams,
  DeliveryListResponse,
  DeliveryParams,
  DeliveryQuery,
  IssuedCredentialResponse,
  PartnerCreateBody,
  PartnerDetailResponse,
  PartnerIdParams,
  PartnerListResponse,
  PartnerPatchBody,
  ReplayResponse,
  ServiceIdParams,
} from '@server/modules/partner/partner.admin.schema.ts';
import type { PartnerService } from '@server/modules/partner/partner.service.ts';
import { CONFIRMATION_CODE_TABLE } from '@server/modules/outbox/confirmation-codes.ts';

const TAGS = ['Retaguarda: parceiros'];
const BASE = '/api/v1/backoffice/partners';

/** Back-office management of partners, and the counter's link to a client's site. */
export function registerPartnerAdminRoutes(app: App, admin: PartnerAdmin, service: PartnerService) {
  app.post(
    '/api/v1/services/:id/client-site-link',
    {
      schema: {
        tags: ['Catálogo'],
        summary: 'Abre o site do cliente: URL com codigoCorreios (válido por 2 h)',
        params: ServiceIdParams,
        response: withErrors({ 200: ClientSiteLinkResponse }, 400, 401, 403, 404, 422),
      },
    },
    async (request) => service.clientSiteLink(request.actor, request.params.id),
  );

  app.get(
    BASE,
    {
      schema: {
        tags: TAGS,
        summary: 'Lista os parceiros',
        response: withErrors({ 200: PartnerListResponse }, 401, 403),
      },
    },
    async (request) => admin.list(request.actor),
  );

  app.post(
    BASE,
    {
      schema: {
        tags: TAGS,
        summary: 'Cadastra um parceiro de um cliente',
        body: PartnerCreateBody,
        response: withErrors({ 201: PartnerDetailResponse }, 400, 401, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await admin.create(request.actor, request.body)),
  );

  app.get(
    `${BASE}/:id`,
    {
      schema: {
        tags: TAGS,
        summary: 'Um parceiro, suas credenciais (sem os tokens) e o segredo de assinatura',
        params: PartnerIdParams,
        response: withErrors({ 200: PartnerDetailResponse }, 400, 401, 403, 404),
      },
    },
    async (request) => admin.get(request.actor, request.params.id),
  );

  app.patch(
    `${BASE}/:id`,
    {
      schema: {
        tags: TAGS,
        summary: 'Altera nome, URL de confirmação ou situação do parceiro',
        params: PartnerIdParams,
        body: PartnerPatchBody,
        response: withErrors({ 200: PartnerDetailResponse }, 400, 401, 403, 404),
      },
    },
    async (request) => admin.update(request.actor, request.params.id, request.body),
  );

  app.post(
    `${BASE}/:id/webhook-secret/rotate`,
    {
      schema: {
        tags: TAGS,
        summary: 'Troca o segredo de assinatura das confirmações',
        params: PartnerIdParams,
        response: withErrors({ 200: PartnerDetailResponse }, 400, 401, 403, 404),
      },
    },
    async (request) => admin.rotateWebhookSecret(request.actor, request.params.id),
  );

  app.post(
    `${BASE}/:id/credentials`,
    {
      schema: {
        tags: TAGS,
        summary: 'Emite um token de parceiro (live ou sandbox), mostrado uma única vez',
        params: PartnerIdParams,
        body: CredentialBody,
        response: withErrors({ 201: IssuedCredentialResponse }, 400, 401, 403, 404),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await admin.issueCredential(request.actor, request.params.id, request.body.mode)),
  );

  app.post(
    `${BASE}/:id/credentials/:credentialId/rotate`,
    {
      schema: {
        tags: TAGS,
        summary: 'Troca um token: revoga o antigo e emite outro do mesmo modo',
        params: CredentialParams,
        response: withErrors({ 201: IssuedCredentialResponse }, 400, 401, 403, 404),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await admin.rotateCredential(
            request.actor,
            request.params.id,
            request.params.credentialId,
          ),
        ),
  );

  app.post(
    `${BASE}/:id/credentials/:credentialId/revoke`,
    {
      schema: {
        tags: TAGS,
        summary: 'Revoga um token de parceiro',
        params: CredentialParams,
        response: withErrors({ 200: PartnerDetailResponse }, 400, 401, 403, 404),
      },
    },
    async (request) =>
      admin.revokeCredential(request.actor, request.params.id, request.params.credentialId),
  );

  app.get(
    `${BASE}/:id/deliveries`,
    {
      schema: {
        tags: TAGS,
        summary: 'Registro de entregas das confirmações ao parceiro, com cada tentativa',
        description: `Códigos de confirmação enviados:\n\n${CONFIRMATION_CODE_TABLE}`,
        params: PartnerIdParams,
        querystring: DeliveryQuery,
        response: withErrors({ 200: DeliveryListResponse }, 400, 401, 403, 404),
      },
    },
    async (request) =>
      admin.listDeliveries(request.actor, request.params.id, request.query.protocol),
  );

  app.post(
    `${BASE}/:id/deliveries/:deliveryId/replay`,
    {
      schema: {
        tags: TAGS,
        summary: 'Reenvia uma confirmação (mesmo webhook-id; o parceiro deduplica)',
        params: DeliveryParams,
        response: withErrors({ 200: ReplayResponse }, 400, 401, 403, 404, 409),
      },
    },
    async (request) =>
      admin.replay(request.actor, request.params.id, Number(request.params.deliveryId)),
  );
}

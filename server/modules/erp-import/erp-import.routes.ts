import type { AppContext } from '@server/context.ts';
import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import {
  COMMON_ERRORS,
  IdParams,
  PageQuery,
  TAGS,
} from '@server/modules/backoffice/backoffice.common.schema.ts';
import {
  backOfficeActor,
  pageOf,
  rejectNulCharacters,
  staffOf,
} from '@server/modules/backoffice/backoffice.common.ts';
import { requireErp } from '@server/modules/erp-import/erp-import.credential.ts';
import {
  ErpPushBody,
  ImportFileBody,
  ImportListResponse,
  ImportResponse,
} from '@server/modules/erp-import/erp-import.schema.ts';
import type { ErpImportService } from '@server/modules/erp-import/erp-import.service.ts';

/** Files of a few thousand records are larger than the API's usual body limit. */
const FILE_BODY_LIMIT = 5 * 1024 * 1024;

const BASE = '/api/v1/backoffice/erp-imports';
const ERP_BASE = '/erp/api/v1/catalogue-imports';
const ERP_TAGS = ['ERP'];

function registerBackOfficeRoutes(app: App, imports: ErpImportService) {
  app.post(
    BASE,
    {
      bodyLimit: FILE_BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Simular a importação de um arquivo do ERP (CSV com ; ou JSON); nada é gravado',
        body: ImportFileBody,
        response: withErrors({ 201: ImportResponse }, ...COMMON_ERRORS, 413, 422),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await imports.preview({ kind: 'staff', staff: staffOf(request) }, request.body)),
  );

  app.get(
    BASE,
    {
      schema: {
        tags: TAGS,
        summary: 'Importações do ERP, da mais nova',
        querystring: PageQuery,
        response: withErrors({ 200: ImportListResponse }, ...COMMON_ERRORS),
      },
    },
    async (request) => imports.list(pageOf(request.query)),
  );

  app.get(
    `${BASE}/:id`,
    {
      schema: {
        tags: TAGS,
        summary: 'Uma importação do ERP, com o que ela cria, altera e encerra',
        params: IdParams,
        response: withErrors({ 200: ImportResponse }, ...COMMON_ERRORS, 404),
      },
    },
    async (request) => imports.find(request.params.id),
  );

  app.post(
    `${BASE}/:id/apply`,
    {
      schema: {
        tags: TAGS,
        summary: 'Aplicar uma importação simulada: tudo ou nada, numa transação',
        params: IdParams,
        response: withErrors({ 200: ImportResponse }, ...COMMON_ERRORS, 404, 409, 422),
      },
    },
    async (request) => imports.apply({ kind: 'staff', staff: staffOf(request) }, request.params.id),
  );
}

function registerErpRoutes(app: App, ctx: AppContext, imports: ErpImportService) {
  // The bearer here is the ERP's credential (STER_ERP_TOKEN), not a staff session.
  const security = [{ bearer: [] }];

  app.post(
    ERP_BASE,
    {
      bodyLimit: FILE_BODY_LIMIT,
      schema: {
        tags: ERP_TAGS,
        security,
        summary: 'ERP: enviar contratos, serviços e tarifas; responde a simulação (nada gravado)',
        body: ErpPushBody,
        response: withErrors({ 201: ImportResponse }, 400, 401, 413, 422),
      },
    },
    async (request, reply) => {
      requireErp(request, ctx.config.erpToken);
      const result = await imports.preview(
        { kind: 'erp' },
        { format: 'json', records: request.body.registros },
      );

      return reply.status(201).send(result);
    },
  );

  app.post(
    `${ERP_BASE}/:id/apply`,
    {
      schema: {
        tags: ERP_TAGS,
        security,
        summary: 'ERP: aplicar uma importação simulada, tudo ou nada',
        params: IdParams,
        response: withErrors({ 200: ImportResponse }, 400, 401, 404, 409, 422),
      },
    },
    async (request) => {
      requireErp(request, ctx.config.erpToken);

      return imports.apply({ kind: 'erp' }, request.params.id);
    },
  );
}

export function registerErpImportRoutes(app: App, ctx: AppContext, imports: ErpImportService) {
  void app.register(async (scoped: App) => {
    scoped.addHook('onRequest', async (request) => {
      backOfficeActor(request.actor);
    });
    scoped.addHook('preValidation', rejectNulCharacters);
    registerBackOfficeRoutes(scoped, imports);
  });
  void app.register(async (scoped: App) => {
    scoped.addHook('preValidation', rejectNulCharacters);
    registerErpRoutes(scoped, ctx, imports);
  });
}

import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import {
  COMMON_ERRORS,
  IdParams,
  TAGS,
} from '@server/modules/backoffice/backoffice.common.schema.ts';
import { pageOf, staffOf } from '@server/modules/backoffice/backoffice.common.ts';
import {
  DraftBody,
  DraftResponse,
  FormResponse,
  FormsQuery,
  FormsResponse,
  VersionParams,
} from '@server/modules/backoffice/backoffice.forms.schema.ts';
import type { FormsService } from '@server/modules/backoffice/backoffice.forms.service.ts';

const BASE = '/api/v1/backoffice/services/:id/forms';

export function registerFormsRoutes(app: App, forms: FormsService) {
  app.get(
    BASE,
    {
      schema: {
        tags: TAGS,
        summary: 'Formulário do serviço: rascunho atual e versões publicadas',
        params: IdParams,
        querystring: FormsQuery,
        response: withErrors({ 200: FormsResponse }, ...COMMON_ERRORS, 404),
      },
    },
    async (request) => forms.list(request.params.id, pageOf(request.query)),
  );

  app.put(
    `${BASE}/draft`,
    {
      schema: {
        tags: TAGS,
        summary: 'Criar ou substituir o rascunho do formulário (validado)',
        params: IdParams,
        body: DraftBody,
        response: withErrors({ 200: DraftResponse }, ...COMMON_ERRORS, 404, 422),
      },
    },
    async (request) => forms.putDraft(staffOf(request), request.params.id, request.body.definition),
  );

  app.post(
    `${BASE}/draft/publish`,
    {
      schema: {
        tags: TAGS,
        summary: 'Publicar o rascunho como nova versão (versões publicadas não mudam)',
        params: IdParams,
        response: withErrors({ 200: FormResponse }, ...COMMON_ERRORS, 404, 422),
      },
    },
    async (request) => forms.publish(staffOf(request), request.params.id),
  );

  app.delete(
    `${BASE}/draft`,
    {
      schema: {
        tags: TAGS,
        summary: 'Descartar o rascunho do formulário',
        params: IdParams,
        response: withErrors({ 200: DraftResponse }, ...COMMON_ERRORS, 404),
      },
    },
    async (request) => forms.discard(staffOf(request), request.params.id),
  );

  app.post(
    `${BASE}/versions/:version/restore`,
    {
      schema: {
        tags: TAGS,
        summary: 'Restaurar uma versão publicada como novo rascunho',
        params: VersionParams,
        response: withErrors({ 200: DraftResponse }, ...COMMON_ERRORS, 404),
      },
    },
    async (request) =>
      forms.restore(staffOf(request), request.params.id, Number(request.params.version)),
  );
}

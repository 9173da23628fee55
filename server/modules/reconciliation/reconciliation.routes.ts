import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import type { DayCloseService } from '@server/modules/reconciliation/day-close.service.ts';
import {
  CounterFileBody,
  DayCloseBody,
  DayCloseQuery,
  DayCloseResponse,
  DifferenceListResponse,
  DifferenceParams,
  DifferenceQuery,
  ErpFileBody,
  ImportResponse,
  NoteBody,
  NoteResponse,
} from '@server/modules/reconciliation/reconciliation.schema.ts';
import type { ReconciliationService } from '@server/modules/reconciliation/reconciliation.service.ts';

const TAGS = ['Conciliação'];
const BASE = '/api/v1/reconciliation';

/** Cash day close, file imports and the differences they reveal, with their notes. */
export function registerReconciliationRoutes(
  app: App,
  dayClose: DayCloseService,
  reconciliation: ReconciliationService,
) {
  app.get(
    '/api/v1/day-close',
    {
      schema: {
        tags: TAGS,
        summary: 'Fechamento do caixa: atendimentos à vista do dia por atendente e caixa',
        querystring: DayCloseQuery,
        response: withErrors({ 200: DayCloseResponse }, 400, 401, 403, 404, 422),
      },
    },
    async (request) => dayClose.get(request.actor, request.query),
  );

  app.post(
    '/api/v1/day-close',
    {
      schema: {
        tags: TAGS,
        summary: 'Fecha o dia da agência, registrando os totais',
        body: DayCloseBody,
        response: withErrors({ 201: DayCloseResponse }, 400, 401, 403, 404, 409, 422),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await dayClose.close(request.actor, request.body)),
  );

  app.post(
    `${BASE}/counter-files`,
    {
      schema: {
        tags: TAGS,
        summary: 'Importa o arquivo do dia do sistema de balcão e compara com o STER',
        description:
          'CSV com ; e cabeçalho `caixa;lancamento;atendimento;valor` (valor como 1.234,56). ' +
          'Reimportar o mesmo arquivo devolve a mesma importação.',
        body: CounterFileBody,
        response: withErrors({ 200: ImportResponse }, 400, 401, 403, 404, 422),
      },
    },
    async (request) => reconciliation.importCounterFile(request.actor, request.body),
  );

  app.post(
    `${BASE}/erp-files`,
    {
      schema: {
        tags: TAGS,
        summary: 'Importa o arquivo de confirmações do ERP e compara com os extratos emitidos',
        description: 'CSV com ; e cabeçalho `extrato;protocolo;valor` (créditos negativos).',
        body: ErpFileBody,
        response: withErrors({ 200: ImportResponse }, 400, 401, 403, 422),
      },
    },
    async (request) => reconciliation.importErpFile(request.actor, request.body),
  );

  app.get(
    `${BASE}/differences`,
    {
      schema: {
        tags: TAGS,
        summary: 'Diferenças encontradas (a agência vê só as suas)',
        querystring: DifferenceQuery,
        response: withErrors({ 200: DifferenceListResponse }, 400, 401, 403),
      },
    },
    async (request) => reconciliation.differences(request.actor, request.query),
  );

  app.post(
    `${BASE}/differences/:id/notes`,
    {
      schema: {
        tags: TAGS,
        summary: 'Anota uma diferença; com resolution, ela deixa de estar aberta',
        params: DifferenceParams,
        body: NoteBody,
        response: withErrors({ 200: NoteResponse }, 400, 401, 403, 404),
      },
    },
    async (request) => reconciliation.addNote(request.actor, request.params.id, request.body),
  );
}

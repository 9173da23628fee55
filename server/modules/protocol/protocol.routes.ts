import { IdempotencyHeaders, withErrors } from '@server/http/common.schema.ts';
import { sendStored } from '@server/http/reply.ts';
import type { App } from '@server/http/types.ts';
import type { ProtocolQueries } from '@server/modules/protocol/protocol.queries.ts';
import {
  AttendanceBody,
  CodeParams,
  CompleteBody,
  HistoryResponse,
  PreAttendanceBody,
  ProtocolDetailResponse,
  ProtocolListResponse,
  ProtocolResponse,
  SearchBody,
} from '@server/modules/protocol/protocol.schema.ts';
import type { ProtocolService } from '@server/modules/protocol/protocol.service.ts';

const TAGS = ['Protocolos'];

export function registerProtocolRoutes(
  app: App,
  service: ProtocolService,
  queries: ProtocolQueries,
) {
  app.post(
    '/api/v1/attendances/in-person',
    {
      schema: {
        tags: TAGS,
        summary: 'Atendimento presencial pelo formulário do STER (cria protocolo pendente)',
        headers: IdempotencyHeaders,
        body: AttendanceBody,
        response: withErrors({ 201: ProtocolResponse }, 400, 401, 403, 404, 409, 422),
      },
    },
    async (request, reply) => {
      const { documentsChecked = [], quantity = 1, ...rest } = request.body;
      const result = await service.attendInPerson(
        request.actor,
        { ...rest, documentsChecked, quantity },
        request.headers['idempotency-key'],
      );

      return sendStored(reply, result);
    },
  );

  app.post(
    '/api/v1/attendances/virtual',
    {
      schema: {
        tags: TAGS,
        summary: 'Atendimento virtual (protocolo finalizado na hora, faturado no ERP)',
        description:
          'Feito pelo próprio cidadão com sessão do IdCorreios (o CPF deve ser o dele) ou por ' +
          'um atendente para o cidadão.',
        headers: IdempotencyHeaders,
        body: AttendanceBody,
        response: withErrors({ 201: ProtocolResponse }, 400, 401, 403, 404, 409, 422, 429),
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { documentsChecked = [], quantity = 1, ...rest } = request.body;
      const result = await service.attendVirtually(
        request.actor,
        { ...rest, documentsChecked, quantity },
        request.headers['idempotency-key'],
      );

      return sendStored(reply, result);
    },
  );

  app.post(
    '/api/v1/public/pre-attendances',
    {
      schema: {
        tags: ['Público'],
        summary: 'Pré-atendimento pela internet (sem login); o usuário conclui numa agência',
        headers: IdempotencyHeaders,
        body: PreAttendanceBody,
        response: withErrors({ 201: ProtocolResponse }, 400, 404, 409, 422, 429),
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await service.startPreAttendance(request.body, request.headers['idempotency-key']),
      ),
  );

  app.post(
    '/api/v1/protocols/:code/complete',
    {
      schema: {
        tags: TAGS,
        summary: 'Concluir um pré-atendimento no balcão (fica pendente nesta agência)',
        headers: IdempotencyHeaders,
        params: CodeParams,
        body: CompleteBody,
        response: withErrors({ 200: ProtocolResponse }, 400, 401, 403, 404, 409, 422),
      },
    },
    async (request, reply) => {
      const { documentsChecked, quantity = 1, citizen, formData } = request.body;
      const result = await service.complete(
        request.actor,
        request.params.code,
        { documentsChecked, quantity, citizen, formData },
        request.headers['idempotency-key'],
      );

      return sendStored(reply, result);
    },
  );

  app.post(
    '/api/v1/protocols/search',
    {
      schema: {
        tags: TAGS,
        summary: 'Consulta Protocolo: por código ou por CPF/CNPJ (no corpo, nunca na URL)',
        body: SearchBody,
        response: withErrors({ 200: ProtocolListResponse }, 400, 401, 403),
      },
    },
    async (request) => queries.search(request.actor, request.body),
  );

  app.get(
    '/api/v1/protocols/:code',
    {
      schema: {
        tags: TAGS,
        summary: 'Um protocolo, com itens e respostas do formulário',
        params: CodeParams,
        response: withErrors({ 200: ProtocolDetailResponse }, 400, 401, 403, 404),
      },
    },
    async (request) => queries.detail(request.actor, request.params.code),
  );

  app.get(
    '/api/v1/protocols/:code/history',
    {
      schema: {
        tags: TAGS,
        summary: 'Histórico do protocolo: cada evento, com autor, local e horário',
        params: CodeParams,
        response: withErrors({ 200: HistoryResponse }, 400, 401, 403, 404),
      },
    },
    async (request) => queries.history(request.actor, request.params.code),
  );
}

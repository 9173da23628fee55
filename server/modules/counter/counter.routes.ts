import { IdempotencyHeaders, withErrors } from '@server/http/common.schema.ts';
import { sendStored } from '@server/http/reply.ts';
import type { App } from '@server/http/types.ts';
import {
  CancelBody,
  FinaliseBody,
  PendingQuery,
  PendingSearchBody,
  ReceiptResponse,
  ReverseBody,
  SaleResponse,
} from '@server/modules/counter/counter.schema.ts';
import type { CounterService } from '@server/modules/counter/counter.service.ts';
import {
  CodeParams,
  ProtocolListResponse,
  ProtocolResponse,
} from '@server/modules/protocol/protocol.schema.ts';

const TAGS = ['Balcão (SARA)'];

/** The counter system's API: what SARA, or STER's own counter screens, call. */
export function registerCounterRoutes(app: App, counter: CounterService) {
  app.get(
    '/api/v1/counter/pending',
    {
      schema: {
        tags: TAGS,
        summary: 'Protocolos STER pendentes: os meus, ou de outro atendente da agência',
        querystring: PendingQuery,
        response: withErrors({ 200: ProtocolListResponse }, 400, 401, 403, 404),
      },
    },
    async (request) =>
      counter.listPending(request.actor, { registration: request.query.registration }),
  );

  app.post(
    '/api/v1/counter/pending/search',
    {
      schema: {
        tags: TAGS,
        summary: 'Protocolos pendentes da agência para um CPF/CNPJ',
        body: PendingSearchBody,
        response: withErrors({ 200: ProtocolListResponse }, 400, 401, 403),
      },
    },
    async (request) => counter.listPending(request.actor, { document: request.body.document }),
  );

  app.post(
    '/api/v1/counter/protocols/:code/generate',
    {
      schema: {
        tags: TAGS,
        summary: 'Gerar atendimento: itens para a grade de venda do balcão',
        params: CodeParams,
        response: withErrors({ 200: SaleResponse }, 400, 401, 403, 404, 409),
      },
    },
    async (request) => counter.generate(request.actor, request.params.code),
  );

  app.post(
    '/api/v1/counter/protocols/:code/finalise',
    {
      schema: {
        tags: TAGS,
        summary: 'Finalizar o atendimento com as referências do caixa; devolve o comprovante',
        headers: IdempotencyHeaders,
        params: CodeParams,
        body: FinaliseBody,
        response: withErrors({ 200: ReceiptResponse }, 400, 401, 403, 404, 409, 422),
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await counter.finalise(
          request.actor,
          request.params.code,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );

  app.post(
    '/api/v1/counter/protocols/:code/cancel',
    {
      schema: {
        tags: TAGS,
        summary: 'Cancelar um protocolo pendente (desistência do usuário ou erro operacional)',
        headers: IdempotencyHeaders,
        params: CodeParams,
        body: CancelBody,
        response: withErrors({ 200: ProtocolResponse }, 400, 401, 403, 404, 409, 422),
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await counter.cancel(
          request.actor,
          request.params.code,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );

  app.post(
    '/api/v1/counter/protocols/:code/reverse',
    {
      schema: {
        tags: TAGS,
        summary: 'Estornar um atendimento finalizado',
        headers: IdempotencyHeaders,
        params: CodeParams,
        body: ReverseBody,
        response: withErrors({ 200: ProtocolResponse }, 400, 401, 403, 404, 409, 422),
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await counter.reverse(
          request.actor,
          request.params.code,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );

  app.get(
    '/api/v1/counter/protocols/:code/receipt',
    {
      schema: {
        tags: TAGS,
        summary: 'Comprovante do cliente de um atendimento finalizado',
        params: CodeParams,
        response: withErrors({ 200: ReceiptResponse }, 400, 401, 403, 404, 422),
      },
    },
    async (request) => counter.receipt(request.actor, request.params.code),
  );
}

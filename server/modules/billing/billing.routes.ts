import { IdempotencyHeaders, withErrors } from '@server/http/common.schema.ts';
import { sendStored } from '@server/http/reply.ts';
import type { App } from '@server/http/types.ts';
import { statementCsv } from '@server/modules/billing/billing.document.ts';
import {
  ContractIdParams,
  ContractListResponse,
  ContractPatchBody,
  CsvResponse,
  DeliveryLogResponse,
  DeliveryReplayParams,
  GenerateBody,
  StatementIdParams,
  StatementListQuery,
  StatementListResponse,
  StatementResponse,
} from '@server/modules/billing/billing.schema.ts';
import type { BillingService } from '@server/modules/billing/billing.service.ts';

const TAGS = ['Faturamento'];
const BASE = '/api/v1/billing';

/** Back-office billing: contracts' periodicity, statements, their downloads and ERP deliveries. */
export function registerBillingRoutes(app: App, billing: BillingService) {
  app.get(
    `${BASE}/contracts`,
    {
      schema: {
        tags: TAGS,
        summary: 'Contratos e sua periodicidade de faturamento',
        response: withErrors({ 200: ContractListResponse }, 401, 403),
      },
    },
    async (request) => billing.contracts(request.actor),
  );

  app.patch(
    `${BASE}/contracts/:id`,
    {
      schema: {
        tags: TAGS,
        summary: 'Altera a periodicidade de faturamento de um contrato',
        params: ContractIdParams,
        body: ContractPatchBody,
        response: withErrors({ 200: ContractListResponse }, 400, 401, 403, 404),
      },
    },
    async (request) =>
      billing.setBillingPeriod(request.actor, request.params.id, request.body.billingPeriod),
  );

  app.get(
    `${BASE}/statements`,
    {
      schema: {
        tags: TAGS,
        summary: 'Lista os extratos, do período mais recente ao mais antigo',
        querystring: StatementListQuery,
        response: withErrors({ 200: StatementListResponse }, 400, 401, 403),
      },
    },
    async (request) => billing.list(request.actor, request.query),
  );

  app.post(
    `${BASE}/statements`,
    {
      schema: {
        tags: TAGS,
        summary: 'Gera (ou regera) o rascunho do extrato de um contrato e período',
        headers: IdempotencyHeaders,
        body: GenerateBody,
        response: withErrors({ 200: StatementResponse }, 400, 401, 403, 404, 409, 422),
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await billing.generate(request.actor, request.body, request.headers['idempotency-key']),
      ),
  );

  app.get(
    `${BASE}/statements/:id`,
    {
      schema: {
        tags: TAGS,
        summary: 'Um extrato com suas linhas e totais por serviço',
        params: StatementIdParams,
        response: withErrors({ 200: StatementResponse }, 400, 401, 403, 404),
      },
    },
    async (request) => billing.get(request.actor, request.params.id),
  );

  app.get(
    `${BASE}/statements/:id/statement.csv`,
    {
      schema: {
        tags: TAGS,
        summary: 'Baixa o extrato em CSV',
        params: StatementIdParams,
        response: withErrors({ 200: CsvResponse }, 400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const document = await billing.get(request.actor, request.params.id);

      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="extrato-${document.number}.csv"`)
        .send(statementCsv(document));
    },
  );

  app.get(
    `${BASE}/statements/:id/statement.json`,
    {
      schema: {
        tags: TAGS,
        summary: 'Baixa o extrato em JSON',
        params: StatementIdParams,
        response: withErrors({ 200: StatementResponse }, 400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const document = await billing.get(request.actor, request.params.id);

      return reply
        .header('content-disposition', `attachment; filename="extrato-${document.number}.json"`)
        .send(document);
    },
  );

  app.post(
    `${BASE}/statements/:id/issue`,
    {
      schema: {
        tags: TAGS,
        summary: 'Emite o extrato: ele não muda mais e segue para o ERP',
        headers: IdempotencyHeaders,
        params: StatementIdParams,
        response: withErrors({ 200: StatementResponse }, 400, 401, 403, 404, 409, 422),
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await billing.issue(request.actor, request.params.id, request.headers['idempotency-key']),
      ),
  );

  app.get(
    `${BASE}/statements/:id/deliveries`,
    {
      schema: {
        tags: TAGS,
        summary: 'Envios do extrato ao ERP, cada tentativa, e as confirmações do ERP',
        params: StatementIdParams,
        response: withErrors({ 200: DeliveryLogResponse }, 400, 401, 403, 404),
      },
    },
    async (request) => billing.deliveries(request.actor, request.params.id),
  );

  app.post(
    `${BASE}/statements/:id/deliveries/:deliveryId/replay`,
    {
      schema: {
        tags: TAGS,
        summary: 'Reenvia o extrato ao ERP agora',
        params: DeliveryReplayParams,
        response: withErrors({ 200: DeliveryLogResponse }, 400, 401, 403, 404),
      },
    },
    async (request) =>
      billing.replay(request.actor, request.params.id, Number(request.params.deliveryId)),
  );
}

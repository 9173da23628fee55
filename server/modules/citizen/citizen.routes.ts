import type { FastifyReply } from 'fastify';
import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import {
  CitizenProtocol,
  ExportResponse,
  MyProtocolsResponse,
  PdfResponse,
  ProofBody,
  StatusResponse,
  VoucherResponse,
} from '@server/modules/citizen/citizen.schema.ts';
import type { CitizenService } from '@server/modules/citizen/citizen.service.ts';
import { renderVoucherPdf } from '@server/modules/citizen/voucher.pdf.ts';
import { CodeParams } from '@server/modules/protocol/protocol.schema.ts';
import { renderReceiptPdf } from '@server/modules/receipt/receipt.pdf.ts';

const PUBLIC = ['Público'];
const CITIZEN = ['Cidadão'];
/** Lookups by code and CPF: few per minute per address, so codes cannot be swept. */
const LOOKUP_LIMIT = { rateLimit: { max: 10, timeWindow: '1 minute' } };

function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string, disposition = 'inline') {
  return reply
    .type('application/pdf')
    .header('content-disposition', `${disposition}; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(pdf);
}

export function registerCitizenRoutes(app: App, citizens: CitizenService) {
  app.addSchema(CitizenProtocol);

  app.post(
    '/api/v1/public/protocols/status',
    {
      schema: {
        tags: PUBLIC,
        summary: 'Consultar a situação de um protocolo com o código e o CPF',
        description:
          'Código desconhecido e CPF que não confere têm a mesma resposta (404). Um código com ' +
          'dígito verificador errado é recusado (400) antes de qualquer consulta.',
        body: ProofBody,
        response: withErrors({ 200: StatusResponse }, 400, 404, 429),
      },
      config: LOOKUP_LIMIT,
    },
    async (request) => citizens.status(request.body),
  );

  app.post(
    '/api/v1/public/pre-attendances/voucher',
    {
      schema: {
        tags: PUBLIC,
        summary: 'Comprovante do pré-atendimento (código, código de barras, QR code, documentos)',
        body: ProofBody,
        response: withErrors({ 200: VoucherResponse }, 400, 404, 422, 429),
      },
      config: LOOKUP_LIMIT,
    },
    async (request) => citizens.voucher(request.body),
  );

  app.post(
    '/api/v1/public/pre-attendances/voucher.pdf',
    {
      schema: {
        tags: PUBLIC,
        summary: 'Comprovante do pré-atendimento em PDF, para imprimir',
        body: ProofBody,
        response: withErrors({ 200: PdfResponse }, 400, 404, 422, 429),
      },
      config: LOOKUP_LIMIT,
    },
    async (request, reply) => {
      const { voucher } = await citizens.voucher(request.body);

      return sendPdf(reply, await renderVoucherPdf(voucher), `pre-atendimento-${voucher.code}.pdf`);
    },
  );

  app.get(
    '/api/v1/citizen/protocols',
    {
      schema: {
        tags: CITIZEN,
        summary: 'Meus protocolos: os do CPF do cidadão conectado',
        response: withErrors({ 200: MyProtocolsResponse }, 401),
      },
    },
    async (request) => citizens.myProtocols(request.actor),
  );

  app.get(
    '/api/v1/citizen/protocols/:code/receipt.pdf',
    {
      schema: {
        tags: CITIZEN,
        summary: 'Comprovante de um protocolo finalizado do cidadão, para imprimir em casa',
        params: CodeParams,
        response: withErrors({ 200: PdfResponse }, 400, 401, 404, 422),
      },
    },
    async (request, reply) => {
      const receipt = await citizens.receipt(request.actor, request.params.code);

      return sendPdf(
        reply,
        await renderReceiptPdf(receipt),
        `comprovante-${receipt.protocolCode}.pdf`,
      );
    },
  );

  app.get(
    '/api/v1/citizen/export',
    {
      schema: {
        tags: CITIZEN,
        summary: 'Baixar todos os meus dados (protocolos, respostas, valores e histórico)',
        response: withErrors({ 200: ExportResponse }, 401),
      },
    },
    async (request, reply) => {
      const data = await citizens.export(request.actor);

      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="meus-dados-ster.json"')
        .header('cache-control', 'no-store')
        .send(JSON.stringify(data, null, 2));
    },
  );
}

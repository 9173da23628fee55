import { Type } from 'typebox';
import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import type { ExportsService } from '@server/modules/reports/reports.exports.service.ts';
import {
  AttendantsQuery,
  AttendantsResponse,
  DrillDownQuery,
  DrillDownResponse,
  ExportBody,
  ExportParams,
  ExportResponse,
  ReportQuery,
  ReportResponse,
  TAGS,
} from '@server/modules/reports/reports.schema.ts';
import type { ReportsService } from '@server/modules/reports/reports.service.ts';

const FileResponse = {
  description: 'O arquivo exportado (CSV, XLSX ou PDF).',
  content: {
    'text/csv': { schema: Type.String() },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: Type.String({ format: 'binary' }),
    },
    'application/pdf': { schema: Type.String({ format: 'binary' }) },
  },
};

/** Staff reports: figures, drill-down to the protocols, and exports run as jobs. */
export function registerReportRoutes(app: App, reports: ReportsService, exports: ExportsService) {
  app.get(
    '/api/v1/reports/attendances',
    {
      schema: {
        tags: TAGS,
        summary: 'Atendimentos do período: quantidades e valores, agrupados',
        description:
          'Atendentes e supervisores veem só a própria agência; a retaguarda vê todas. ' +
          'Dias no fuso de São Paulo; protocolos de teste (sandbox) não entram.',
        querystring: ReportQuery,
        response: withErrors({ 200: ReportResponse }, 400, 401, 403),
      },
    },
    async (request) => reports.attendances(request.actor, request.query),
  );

  app.get(
    '/api/v1/reports/attendants',
    {
      schema: {
        tags: TAGS,
        summary: 'Atendentes e supervisores que o filtro de atendente oferece',
        description: 'Atendentes e supervisores veem só os da própria agência.',
        querystring: AttendantsQuery,
        response: withErrors({ 200: AttendantsResponse }, 400, 401, 403),
      },
    },
    async (request) => reports.attendants(request.actor, request.query),
  );

  app.get(
    '/api/v1/reports/attendances/protocols',
    {
      schema: {
        tags: TAGS,
        summary: 'Os protocolos por trás de um relatório (do mais recente), paginados',
        querystring: DrillDownQuery,
        response: withErrors({ 200: DrillDownResponse }, 400, 401, 403),
      },
    },
    async (request) => reports.protocols(request.actor, request.query),
  );

  app.post(
    '/api/v1/reports/exports',
    {
      schema: {
        tags: TAGS,
        summary: 'Pede uma exportação (CSV, XLSX ou PDF); o arquivo é gerado em segundo plano',
        body: ExportBody,
        response: withErrors({ 202: ExportResponse }, 400, 401, 403),
      },
    },
    async (request, reply) =>
      reply.status(202).send(await exports.request(request.actor, request.body)),
  );

  app.get(
    '/api/v1/reports/exports/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Andamento de uma exportação pedida por você',
        params: ExportParams,
        response: withErrors({ 200: ExportResponse }, 400, 401, 404),
      },
    },
    async (request) => exports.status(request.actor, request.params.id),
  );

  app.get(
    '/api/v1/reports/exports/:id/file',
    {
      schema: {
        tags: TAGS,
        summary: 'Baixa o arquivo de uma exportação concluída',
        params: ExportParams,
        response: withErrors({ 200: FileResponse }, 400, 401, 404, 422),
      },
    },
    async (request, reply) => {
      const { row, stream } = await exports.file(request.actor, request.params.id);

      return reply
        .type(row.contentType ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${row.fileName ?? 'relatorio'}"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { AppContext } from '@server/context.ts';
import type { App } from '@server/http/types.ts';
import type { PartnerResolver } from '@server/modules/partner/partner.actor.ts';
import { renderMensagem } from '@server/modules/partner/partner.routes.ts';
import { partnerFilters } from '@server/modules/reports/reports.scope.ts';
import type { ReportsService } from '@server/modules/reports/reports.service.ts';
import type { ReportGrouping } from '@shared/reports.ts';

const Dia = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', examples: ['2026-12-01'] });

const GROUPINGS = {
  dia: 'day',
  servico: 'service',
  agencia: 'agency',
  situacao: 'status',
  modalidade: 'modality',
} as const satisfies Record<string, ReportGrouping>;

const RelatorioQuery = Type.Object(
  {
    inicio: Type.Optional({ ...Dia, description: 'Primeiro dia (padrão: dia 1º do mês).' }),
    fim: Type.Optional({ ...Dia, description: 'Último dia, incluído (padrão: hoje).' }),
    agrupamento: Type.Optional(
      Type.Union(
        Object.keys(GROUPINGS).map((key) => Type.Literal(key)),
        {
          description: 'dia (padrão), servico, agencia, situacao ou modalidade.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
type RelatorioQuery = Static<typeof RelatorioQuery>;

const Numeros = {
  atendimentos: Type.Integer(),
  valorCentavos: Type.Integer({ description: 'Soma dos valores capturados, em centavos.' }),
  finalizados: Type.Integer(),
  valorFinalizadosCentavos: Type.Integer({ description: 'O realizado: só os finalizados.' }),
};

const RelatorioResponse = Type.Object({
  periodo: Type.Object({ inicio: Dia, fim: Dia }),
  teste: Type.Boolean({ description: 'true: números dos protocolos de teste (sandbox).' }),
  totais: Type.Object(Numeros),
  linhas: Type.Array(Type.Object({ chave: Type.String(), rotulo: Type.String(), ...Numeros })),
});

const Recusa = Type.Object({ mensagem: Type.String() });

type Figures = {
  attendances: number;
  amountCents: number;
  finalisedAttendances: number;
  finalisedAmountCents: number;
};

const numeros = (figures: Figures) => ({
  atendimentos: figures.attendances,
  valorCentavos: figures.amountCents,
  finalizados: figures.finalisedAttendances,
  valorFinalizadosCentavos: figures.finalisedAmountCents,
});

/**
 * `GET /ster/api/v1/relatorios/atendimentos`: a partner's own client's figures. A live token
 * sees real protocols only; a sandbox token only the test protocols of the sandbox.
 */
export function registerPartnerReportRoutes(
  app: App,
  ctx: AppContext,
  deps: { resolve: PartnerResolver; reports: ReportsService },
) {
  void app.register(async (instance) => {
    const scope = instance.withTypeProvider<TypeBoxTypeProvider>();
    scope.setErrorHandler(renderMensagem);

    scope.get(
      '/ster/api/v1/relatorios/atendimentos',
      {
        schema: {
          tags: ['Parceiros (contrato publicado)'],
          summary: 'Relatório de atendimentos dos serviços do próprio cliente',
          description:
            'Quantidades e valores (centavos) por dia de criação no fuso de São Paulo. ' +
            'Um token de produção vê só protocolos reais; um token sandbox, só os de teste.',
          security: [{ bearer: [] }],
          querystring: RelatorioQuery,
          response: { 200: RelatorioResponse, 400: Recusa, 401: Recusa, 403: Recusa },
        },
      },
      async (request) => {
        const partner = await deps.resolve(request);
        const query: RelatorioQuery = request.query;
        const filters = partnerFilters(ctx, partner, { from: query.inicio, to: query.fim });
        const groupBy = GROUPINGS[query.agrupamento ?? 'dia'];
        const report = await deps.reports.report(filters, groupBy);

        return {
          periodo: { inicio: filters.from, fim: filters.to },
          teste: filters.isTest,
          totais: numeros(report.totals),
          linhas: report.rows.map((row) => ({
            chave: row.key,
            rotulo: row.label,
            ...numeros(row),
          })),
        };
      },
    );
  });
}

import { Type, type Static } from 'typebox';
import { Cents, Iso, Nullable, Uuid } from '@server/http/common.schema.ts';
import { PROTOCOL_STATUSES } from '@shared/protocol/lifecycle.ts';
import { REPORT_GROUPINGS } from '@shared/reports.ts';

export const TAGS = ['Relatórios'];

const Day = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'Dia no fuso de São Paulo (AAAA-MM-DD).',
  examples: ['2026-12-01'],
});

/** The filters every report, drill-down and export takes; query strings arrive as text. */
export const ReportFilterFields = {
  from: Type.Optional({ ...Day, description: 'Primeiro dia do período (padrão: dia 1º do mês).' }),
  to: Type.Optional({ ...Day, description: 'Último dia do período, incluído (padrão: hoje).' }),
  agencyId: Type.Optional({
    ...Uuid,
    description: 'Agência. Para atendentes e supervisores é sempre a sua própria.',
  }),
  clientId: Type.Optional(Uuid),
  serviceId: Type.Optional(Uuid),
  attendantId: Type.Optional(Uuid),
  status: Type.Optional(Type.Union(PROTOCOL_STATUSES.map((value) => Type.Literal(value)))),
  modality: Type.Optional(Type.Union([Type.Literal('cash'), Type.Literal('invoiced')])),
};

const Grouping = Type.Union(REPORT_GROUPINGS.map((value) => Type.Literal(value)));

export const ReportQuery = Type.Object(
  { ...ReportFilterFields, groupBy: Type.Optional(Grouping) },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;

export const DrillDownQuery = Type.Object(
  {
    ...ReportFilterFields,
    day: Type.Optional({ ...Day, description: 'Só este dia (a linha do relatório por dia).' }),
    cursor: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_-]{1,200}$',
        description: 'Continuação: o `nextCursor` da página anterior.',
      }),
    ),
    limit: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,3}$', description: 'Itens por página (1 a 200).' }),
    ),
  },
  { additionalProperties: false },
);
export type DrillDownQuery = Static<typeof DrillDownQuery>;

const Figures = {
  attendances: Type.Integer({ description: 'Protocolos do período que atendem aos filtros.' }),
  amountCents: Type.Integer({ description: 'Soma dos valores capturados desses protocolos.' }),
  finalisedAttendances: Type.Integer({ description: 'Deles, os finalizados (não estornados).' }),
  finalisedAmountCents: Type.Integer({ description: 'Valor dos finalizados: o realizado.' }),
};

export const ReportRow = Type.Object({
  key: Type.String({ description: 'Dia, id ou código do grupo; "none" para sem agência.' }),
  label: Type.String(),
  ...Figures,
});

export const ReportResponse = Type.Object({
  period: Type.Object({ from: Day, to: Day }),
  groupBy: Grouping,
  agency: Nullable(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  totals: Type.Object(Figures),
  rows: Type.Array(ReportRow),
});
export type ReportResponse = Static<typeof ReportResponse>;

export const DrillDownProtocol = Type.Object({
  code: Type.String(),
  createdAt: Iso,
  status: Type.String(),
  statusLabel: Type.String(),
  modality: Type.String(),
  citizenDocument: Type.String({ description: 'CPF ou CNPJ mascarado.' }),
  client: Type.String(),
  service: Type.String(),
  agency: Nullable(Type.String()),
  attendant: Nullable(Type.String({ description: 'Matrícula do atendente.' })),
  totalCents: Cents,
});

export const DrillDownResponse = Type.Object({
  protocols: Type.Array(DrillDownProtocol),
  nextCursor: Nullable(Type.String()),
});

export const ExportBody = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('pdf')]),
    groupBy: Type.Optional(Grouping),
    ...ReportFilterFields,
  },
  { additionalProperties: false },
);
export type ExportBody = Static<typeof ExportBody>;

export const ExportParams = Type.Object({ id: Uuid });

export const ExportView = Type.Object({
  id: Uuid,
  format: Type.String(),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  rowsTotal: Type.Integer(),
  rowsDone: Type.Integer(),
  fileName: Nullable(Type.String()),
  byteSize: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  createdAt: Iso,
  finishedAt: Nullable(Iso),
  downloadUrl: Nullable(Type.String()),
});

export const ExportResponse = Type.Object({ export: ExportView });

export const AttendantsQuery = Type.Object(
  { agencyId: ReportFilterFields.agencyId },
  { additionalProperties: false },
);

export const AttendantsResponse = Type.Object({
  attendants: Type.Array(Type.Object({ id: Uuid, label: Type.String() })),
});

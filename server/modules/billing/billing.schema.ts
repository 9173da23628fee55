import { Type } from 'typebox';
import { CalendarDate, Iso, Nullable, Uuid } from '@server/http/common.schema.ts';

const Signed = Type.Integer({ description: 'Valor em centavos (negativo em créditos).' });
const BillingPeriod = Type.Union([Type.Literal('monthly'), Type.Literal('fortnightly')], {
  description: 'Periodicidade do faturamento: mensal (padrão) ou quinzenal.',
});

export const StatementIdParams = Type.Object({ id: Uuid });
export const DeliveryReplayParams = Type.Object({
  id: Uuid,
  deliveryId: Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'Número do envio.' }),
});
export const ContractIdParams = Type.Object({ id: Uuid });

export const ContractPatchBody = Type.Object(
  { billingPeriod: BillingPeriod },
  { additionalProperties: false },
);

export const ContractListResponse = Type.Object({
  contracts: Type.Array(
    Type.Object({
      id: Uuid,
      number: Type.String(),
      modality: Type.String(),
      billingPeriod: BillingPeriod,
      active: Type.Boolean(),
      clientCode: Type.String(),
      clientName: Type.String(),
    }),
  ),
});

export const StatementListQuery = Type.Object(
  {
    contractId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

export const StatementListResponse = Type.Object({
  statements: Type.Array(
    Type.Object({
      id: Uuid,
      number: Type.String(),
      status: Type.String(),
      periodStart: CalendarDate,
      periodEnd: CalendarDate,
      chargeCents: Signed,
      creditCents: Signed,
      totalCents: Signed,
      lineCount: Type.Integer(),
      generatedAt: Iso,
      issuedAt: Nullable(Iso),
      contractNumber: Type.String(),
      clientName: Type.String(),
      acknowledged: Nullable(Type.Boolean()),
    }),
  ),
});

export const GenerateBody = Type.Object(
  {
    contractId: Uuid,
    day: Type.Optional(
      Type.String({
        format: 'date',
        description: 'Um dia do período desejado; sem ele, o último período encerrado.',
      }),
    ),
  },
  { additionalProperties: false },
);

const Line = Type.Object({
  lineNumber: Type.Integer(),
  kind: Type.Union([Type.Literal('charge'), Type.Literal('credit')]),
  protocolCode: Type.String(),
  serviceCode: Type.String(),
  serviceName: Type.String(),
  itemKind: Type.String(),
  itemCode: Type.String(),
  description: Type.String(),
  occurredOn: CalendarDate,
  agencyCode: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  quantity: Type.Integer(),
  unitCents: Type.Integer(),
  totalCents: Signed,
});

export const StatementResponse = Type.Object(
  {
    id: Uuid,
    number: Type.String(),
    status: Type.Union([Type.Literal('draft'), Type.Literal('issued')]),
    contract: Type.Object({
      id: Uuid,
      number: Type.String(),
      adminCode: Type.String(),
      billingPeriod: BillingPeriod,
    }),
    client: Type.Object({ code: Type.String(), name: Type.String(), cnpj: Type.String() }),
    periodStart: CalendarDate,
    periodEnd: CalendarDate,
    chargeCents: Signed,
    creditCents: Signed,
    totalCents: Signed,
    lineCount: Type.Integer(),
    contentHash: Type.String({
      description: 'SHA-256 das linhas: igual sempre que o conteúdo for igual.',
    }),
    generatedAt: Iso,
    issuedAt: Nullable(Iso),
    issuedBy: Nullable(Type.String()),
    totalsByService: Type.Array(
      Type.Object({
        serviceCode: Type.String(),
        serviceName: Type.String(),
        protocolCount: Type.Integer(),
        chargeCents: Signed,
        creditCents: Signed,
        totalCents: Signed,
      }),
    ),
    lines: Type.Array(Line),
  },
  { title: 'Extrato' },
);

export const DeliveryLogResponse = Type.Object({
  deliveries: Type.Array(
    Type.Object({
      id: Type.Integer(),
      status: Type.String(),
      attempts: Type.Integer(),
      nextAttemptAt: Iso,
      lastAttemptAt: Nullable(Iso),
      lastError: Nullable(Type.String()),
      deliveredAt: Nullable(Iso),
      createdAt: Iso,
      attemptLog: Type.Array(
        Type.Object({
          attemptedAt: Iso,
          statusCode: Nullable(Type.Integer()),
          error: Nullable(Type.String()),
          durationMs: Type.Integer(),
        }),
      ),
    }),
  ),
  acknowledgements: Type.Array(
    Type.Object({
      accepted: Type.Boolean(),
      erpReference: Nullable(Type.String()),
      totalCents: Nullable(Signed),
      message: Nullable(Type.String()),
      receivedAt: Iso,
    }),
  ),
});

export const CsvResponse = {
  description: 'Extrato em CSV (separador ;, UTF-8 com BOM, valores 1.234,56).',
  content: { 'text/csv': { schema: Type.String() } },
};

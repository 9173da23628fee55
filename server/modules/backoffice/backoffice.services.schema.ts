import { Type, type Static } from 'typebox';
import { AgencyKind } from '@server/modules/backoffice/backoffice.agencies.schema.ts';
import {
  Amount,
  BooleanQuery,
  Name,
  Nullable,
  Page,
  pageQueryWith,
} from '@server/modules/backoffice/backoffice.common.schema.ts';

const AttendanceType = Type.Union(
  ['inPerson', 'preAttendance', 'virtual'].map((type) => Type.Literal(type)),
);

const fields = {
  code: Type.String({
    pattern: '^[0-9]{1,10}$',
    description: 'Código do serviço, até 10 dígitos.',
  }),
  name: Name(160),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  solution: Type.Union([Type.Literal('hostedForm'), Type.Literal('clientSite')], {
    description: 'hostedForm (solução parametrizável do STER) ou clientSite (site do cliente).',
  }),
  clientSiteUrl: Type.Optional(
    Nullable(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'Endereço http(s) do site do cliente; obrigatório para clientSite.',
      }),
    ),
  ),
  attendanceTypes: Type.Array(AttendanceType, {
    minItems: 1,
    uniqueItems: true,
    description: 'Tipos de atendimento: inPerson, preAttendance, virtual.',
  }),
  agencyKinds: Type.Optional(Type.Array(AgencyKind, { minItems: 1, uniqueItems: true })),
  agencyIds: Type.Optional(
    Type.Array(Type.String({ format: 'uuid' }), {
      uniqueItems: true,
      maxItems: 1000,
      description: 'Agências onde o serviço é oferecido; vazio: todas as agências dos tipos.',
    }),
  ),
  preAttendanceExpiryDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  priceRule: Type.Optional(
    Type.Union([Type.Literal('tariff'), Type.Literal('partner')], {
      description: 'tariff (tarifa do contrato) ou partner (valor informado pelo cliente).',
    }),
  ),
  partnerPriceMinCents: Type.Optional(Nullable(Amount)),
  partnerPriceMaxCents: Type.Optional(Nullable(Amount)),
  active: Type.Optional(Type.Boolean()),
};

export const ServiceBody = Type.Object(
  { contractId: Type.String({ format: 'uuid', description: 'Contrato do serviço.' }), ...fields },
  { additionalProperties: false },
);
export type ServiceBody = Static<typeof ServiceBody>;

export const ServiceUpdateBody = Type.Partial(Type.Object(fields), {
  additionalProperties: false,
  minProperties: 1,
});
export type ServiceUpdateBody = Static<typeof ServiceUpdateBody>;

export const ServicesQuery = pageQueryWith({
  clientId: Type.Optional(Type.String({ format: 'uuid' })),
  contractId: Type.Optional(Type.String({ format: 'uuid' })),
  active: Type.Optional(BooleanQuery),
});
export type ServicesQuery = Static<typeof ServicesQuery>;

const NullableInteger = Type.Union([Type.Integer(), Type.Null()]);

const ServiceView = Type.Object({
  version: Type.Integer({ description: 'Versão do registro: envie-a em If-Match ao alterar.' }),
  id: Type.String(),
  clientId: Type.String(),
  contractId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  solution: Type.String(),
  clientSiteUrl: Type.Union([Type.String(), Type.Null()]),
  attendanceTypes: Type.Array(Type.String()),
  agencyKinds: Type.Array(Type.String()),
  agencyIds: Type.Array(Type.String()),
  preAttendanceExpiryDays: Type.Integer(),
  priceRule: Type.String(),
  partnerPriceMinCents: NullableInteger,
  partnerPriceMaxCents: NullableInteger,
  active: Type.Boolean(),
});

export const ServiceResponse = Type.Object({ service: ServiceView });
export const ServiceListResponse = Type.Object({ services: Type.Array(ServiceView), page: Page });

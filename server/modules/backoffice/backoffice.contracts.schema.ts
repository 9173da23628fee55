import { Type, type Static } from 'typebox';
import { CalendarDate } from '@server/http/common.schema.ts';
import {
  Nullable,
  Page,
  PageQuery,
  updateBodyOf,
} from '@server/modules/backoffice/backoffice.common.schema.ts';

export const ContractBody = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 30, description: 'Número do contrato.' }),
    adminCode: Type.String({
      pattern: '^[0-9]{8}$',
      description: 'Código administrativo, 8 dígitos.',
    }),
    postalCard: Type.String({
      pattern: '^[0-9]{10}$',
      description: 'Cartão de postagem, 10 dígitos.',
    }),
    modality: Type.Union([Type.Literal('cash'), Type.Literal('invoiced')], {
      description: 'cash (à vista) ou invoiced (a faturar).',
    }),
    allowsAssociatedItems: Type.Optional(Type.Boolean()),
    validFrom: CalendarDate,
    validTo: Type.Optional(Nullable(CalendarDate)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ContractBody = Static<typeof ContractBody>;

export const ContractUpdateBody = updateBodyOf(ContractBody);
export type ContractUpdateBody = Static<typeof ContractUpdateBody>;

export const ContractsQuery = PageQuery;

const ContractView = Type.Object({
  version: Type.Integer({ description: 'Versão do registro: envie-a em If-Match ao alterar.' }),
  id: Type.String(),
  clientId: Type.String(),
  number: Type.String(),
  adminCode: Type.String(),
  postalCard: Type.String(),
  modality: Type.String(),
  allowsAssociatedItems: Type.Boolean(),
  validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
});

export const ContractResponse = Type.Object({ contract: ContractView });
export const ContractListResponse = Type.Object({
  contracts: Type.Array(ContractView),
  page: Page,
});

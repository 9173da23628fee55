import { Type, type Static } from 'typebox';
import { CalendarDate } from '@server/http/common.schema.ts';
import {
  Amount,
  Nullable,
  Page,
  PageQueryFields,
} from '@server/modules/backoffice/backoffice.common.schema.ts';

export const TariffBody = Type.Object(
  {
    contractId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Contrato da tarifa (do mesmo cliente); padrão: o contrato do serviço.',
      }),
    ),
    amountCents: Amount,
    validFrom: CalendarDate,
    validTo: Type.Optional(Nullable(CalendarDate)),
  },
  { additionalProperties: false },
);
export type TariffBody = Static<typeof TariffBody>;

export const TariffUpdateBody = Type.Object(
  {
    amountCents: Type.Optional(Amount),
    validTo: Type.Optional(Nullable(CalendarDate)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TariffUpdateBody = Static<typeof TariffUpdateBody>;

export const TariffsQuery = Type.Object(
  {
    contractId: Type.Optional(Type.String({ format: 'uuid' })),
    limit: PageQueryFields.limit,
    offset: PageQueryFields.offset,
  },
  { additionalProperties: false },
);
export type TariffsQuery = Static<typeof TariffsQuery>;

const TariffView = Type.Object({
  version: Type.Integer({ description: 'Versão do registro: envie-a em If-Match ao alterar.' }),
  id: Type.String(),
  serviceId: Type.String(),
  contractId: Type.String(),
  amountCents: Type.Integer(),
  validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
  inUse: Type.Boolean({ description: 'Já usada por protocolos: o valor não pode mais mudar.' }),
});

export const TariffResponse = Type.Object({ tariff: TariffView });
export const TariffListResponse = Type.Object({ tariffs: Type.Array(TariffView), page: Page });

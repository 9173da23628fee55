import { Type, type Static } from 'typebox';
import {
  Amount,
  BooleanQuery,
  Name,
  Page,
  pageQueryWith,
  updateBodyOf,
} from '@server/modules/backoffice/backoffice.common.schema.ts';

export const ItemBody = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{1,10}$', description: 'Código do item, até 10 dígitos.' }),
    description: Name(160),
    unitAmountCents: Amount,
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ItemBody = Static<typeof ItemBody>;

export const ItemUpdateBody = updateBodyOf(ItemBody);
export type ItemUpdateBody = Static<typeof ItemUpdateBody>;

export const ItemsQuery = pageQueryWith({ active: Type.Optional(BooleanQuery) });
export type ItemsQuery = Static<typeof ItemsQuery>;

const ItemView = Type.Object({
  version: Type.Integer({ description: 'Versão do registro: envie-a em If-Match ao alterar.' }),
  id: Type.String(),
  serviceId: Type.String(),
  code: Type.String(),
  description: Type.String(),
  unitAmountCents: Type.Integer(),
  quantity: Type.Integer(),
  active: Type.Boolean(),
});

export const ItemResponse = Type.Object({ item: ItemView });
export const ItemListResponse = Type.Object({ items: Type.Array(ItemView), page: Page });

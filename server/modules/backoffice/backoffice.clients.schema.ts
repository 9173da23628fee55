import { Type, type Static } from 'typebox';
import {
  BooleanQuery,
  Name,
  Page,
  pageQueryWith,
  updateBodyOf,
} from '@server/modules/backoffice/backoffice.common.schema.ts';

export const ClientKind = Type.Union(
  ['public', 'private', 'microSmall'].map((kind) => Type.Literal(kind)),
  { description: 'public (órgão público), private (empresa) ou microSmall (ME/EPP).' },
);

export const ClientBody = Type.Object(
  {
    code: Type.String({
      pattern: '^[A-Z0-9_-]{2,30}$',
      description: 'Sigla do cliente: 2 a 30 letras maiúsculas, dígitos, _ ou -.',
    }),
    name: Name(160),
    cnpj: Type.String({
      minLength: 14,
      maxLength: 18,
      description: 'CNPJ, com ou sem máscara (também o alfanumérico).',
    }),
    kind: ClientKind,
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ClientBody = Static<typeof ClientBody>;

export const ClientUpdateBody = updateBodyOf(ClientBody);
export type ClientUpdateBody = Static<typeof ClientUpdateBody>;

export const ClientsQuery = pageQueryWith({
  kind: Type.Optional(ClientKind),
  active: Type.Optional(BooleanQuery),
});
export type ClientsQuery = Static<typeof ClientsQuery>;

const ClientView = Type.Object({
  version: Type.Integer({ description: 'Versão do registro: envie-a em If-Match ao alterar.' }),
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  cnpj: Type.String(),
  kind: Type.String(),
  active: Type.Boolean(),
});

export const ClientResponse = Type.Object({ client: ClientView });
export const ClientListResponse = Type.Object({ clients: Type.Array(ClientView), page: Page });

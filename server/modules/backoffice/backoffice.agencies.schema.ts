import { Type, type Static } from 'typebox';
import {
  BooleanQuery,
  Name,
  Page,
  pageQueryWith,
  updateBodyOf,
} from '@server/modules/backoffice/backoffice.common.schema.ts';

export const AgencyKind = Type.Union([Type.Literal('own'), Type.Literal('franchised')], {
  description: 'own (própria) ou franchised (franqueada).',
});

export const AgencyBody = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{8}$', description: 'Código da agência, 8 dígitos.' }),
    name: Name(120),
    kind: AgencyKind,
    city: Name(80),
    state: Type.String({ pattern: '^[A-Z]{2}$', description: 'UF, duas letras maiúsculas.' }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AgencyBody = Static<typeof AgencyBody>;

export const AgencyUpdateBody = updateBodyOf(AgencyBody);
export type AgencyUpdateBody = Static<typeof AgencyUpdateBody>;

export const AgenciesQuery = pageQueryWith({
  kind: Type.Optional(AgencyKind),
  active: Type.Optional(BooleanQuery),
});
export type AgenciesQuery = Static<typeof AgenciesQuery>;

const AgencyView = Type.Object({
  version: Type.Integer({ description: 'Versão do registro: envie-a em If-Match ao alterar.' }),
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  city: Type.String(),
  state: Type.String(),
  active: Type.Boolean(),
});

export const AgencyResponse = Type.Object({ agency: AgencyView });
export const AgencyListResponse = Type.Object({ agencies: Type.Array(AgencyView), page: Page });

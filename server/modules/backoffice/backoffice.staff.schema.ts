import { Type, type Static } from 'typebox';
import {
  BooleanQuery,
  Name,
  Nullable,
  Page,
  pageQueryWith,
} from '@server/modules/backoffice/backoffice.common.schema.ts';

export const StaffRole = Type.Union(
  ['attendant', 'supervisor', 'backOffice', 'admin'].map((role) => Type.Literal(role)),
  { description: 'attendant, supervisor, backOffice ou admin.' },
);

const Password = Type.String({
  minLength: 8,
  maxLength: 128,
  description: 'Senha inicial, de 8 a 128 caracteres; guardada apenas como hash.',
});

const AgencyId = Nullable(
  Type.String({
    format: 'uuid',
    description: 'Agência de lotação; obrigatória para atendentes e supervisores.',
  }),
);

export const StaffBody = Type.Object(
  {
    registration: Type.String({ pattern: '^[0-9]{8}$', description: 'Matrícula, 8 dígitos.' }),
    name: Name(120),
    role: StaffRole,
    agencyId: Type.Optional(AgencyId),
    password: Password,
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type StaffBody = Static<typeof StaffBody>;

export const StaffUpdateBody = Type.Object(
  {
    name: Type.Optional(Name(120)),
    role: Type.Optional(StaffRole),
    agencyId: Type.Optional(AgencyId),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type StaffUpdateBody = Static<typeof StaffUpdateBody>;

export const PasswordBody = Type.Object({ password: Password }, { additionalProperties: false });

export const StaffQuery = pageQueryWith({
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  role: Type.Optional(StaffRole),
  active: Type.Optional(BooleanQuery),
});
export type StaffQuery = Static<typeof StaffQuery>;

const StaffView = Type.Object({
  version: Type.Integer({ description: 'Versão do registro: envie-a em If-Match ao alterar.' }),
  id: Type.String(),
  registration: Type.String(),
  name: Type.String(),
  role: Type.String(),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
});

export const StaffResponse = Type.Object({ staff: StaffView });
export const StaffListResponse = Type.Object({ staff: Type.Array(StaffView), page: Page });

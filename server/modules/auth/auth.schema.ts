import { Type, type Static } from 'typebox';

export const SignInBody = Type.Object(
  {
    registration: Type.String({ pattern: '^[0-9]{8}$', description: 'Matrícula, 8 dígitos.' }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    terminal: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: 'Identificação do terminal.' }),
    ),
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const StaffView = Type.Object({
  registration: Type.String(),
  name: Type.String(),
  role: Type.String(),
  terminal: Type.Union([Type.String(), Type.Null()]),
  agency: Type.Union([
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      kind: Type.String(),
    }),
    Type.Null(),
  ]),
});

export const SessionResponse = Type.Object({ staff: StaffView });
export const SignInResponse = Type.Object({
  token: Type.String({ description: 'Token de sessão, para usar como "Authorization: Bearer".' }),
  staff: StaffView,
});

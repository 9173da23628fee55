import { Type, type Static } from 'typebox';
import { Nullable } from '@server/http/common.schema.ts';

export const BeginSignInBody = Type.Object(
  {
    returnTo: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Página do portal para onde voltar depois da entrada (/cidadao/...).',
        examples: ['/cidadao/virtual'],
      }),
    ),
  },
  { additionalProperties: false },
);
export type BeginSignInBody = Static<typeof BeginSignInBody>;

export const BeginSignInResponse = Type.Object({
  url: Type.String({
    description: 'Endereço de entrada do IdCorreios, para onde levar o navegador.',
  }),
});

export const CallbackBody = Type.Object(
  {
    query: Type.String({
      minLength: 1,
      maxLength: 4000,
      description: 'A parte de consulta (?code=…&state=…) com que o IdCorreios voltou ao portal.',
    }),
  },
  { additionalProperties: false },
);
export type CallbackBody = Static<typeof CallbackBody>;

export const CitizenView = Type.Object({
  cpf: Type.String({ description: 'O CPF do próprio cidadão, para os formulários dele.' }),
  document: Type.String({ description: 'CPF mascarado, como ***.456.789-**.' }),
  name: Nullable(Type.String()),
});

export const CitizenSessionResponse = Type.Object({ citizen: CitizenView });

export const CallbackResponse = Type.Object({
  citizen: CitizenView,
  returnTo: Type.String(),
});

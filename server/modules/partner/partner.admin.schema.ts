import { Type, type Static } from 'typebox';
import { Iso, Nullable, Uuid } from '@server/http/common.schema.ts';

const ConfirmationUrl = Type.String({
  minLength: 1,
  maxLength: 2000,
  description:
    'URL de confirmação do parceiro (https). Endereços de loopback, link-local e privados são ' +
    'recusados, salvo com STER_ALLOW_PRIVATE_CALLBACKS=true (desenvolvimento).',
  examples: ['https://parceiro.example.com/ster/confirmacoes'],
});

export const PartnerIdParams = Type.Object({ id: Uuid });
export const CredentialParams = Type.Object({ id: Uuid, credentialId: Uuid });
export const DeliveryParams = Type.Object({
  id: Uuid,
  deliveryId: Type.String({ pattern: '^[1-9][0-9]{0,14}$', description: 'Número da entrega.' }),
});
export const ServiceIdParams = Type.Object({ id: Uuid });

export const PartnerCreateBody = Type.Object(
  {
    clientId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 120 }),
    confirmationUrl: Type.Optional(Nullable(ConfirmationUrl)),
  },
  { additionalProperties: false },
);
export type PartnerCreateBody = Static<typeof PartnerCreateBody>;

export const PartnerPatchBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    confirmationUrl: Type.Optional(Nullable(ConfirmationUrl)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CredentialBody = Type.Object(
  {
    mode: Type.Union([Type.Literal('live'), Type.Literal('sandbox')], {
      description: 'live: protocolos reais; sandbox: protocolos de teste, nunca faturados.',
    }),
  },
  { additionalProperties: false },
);

const Credential = Type.Object({
  id: Uuid,
  mode: Type.Union([Type.Literal('live'), Type.Literal('sandbox')]),
  tokenHint: Type.String({ description: 'Os 4 últimos caracteres do token.' }),
  createdAt: Iso,
  revokedAt: Nullable(Iso),
});

const partnerFields = {
  id: Uuid,
  clientId: Uuid,
  clientName: Type.String(),
  name: Type.String(),
  confirmationUrl: Nullable(Type.String()),
  active: Type.Boolean(),
  createdAt: Iso,
  updatedAt: Iso,
};
const Partner = Type.Object(partnerFields);

export const PartnerListResponse = Type.Object({ partners: Type.Array(Partner) });

export const PartnerDetailResponse = Type.Object({
  partner: Type.Object({
    ...partnerFields,
    credentials: Type.Array(Credential),
    webhookSecret: Type.String({
      description: 'Segredo Standard Webhooks (whsec_...) para verificar as confirmações.',
    }),
  }),
});

export const IssuedCredentialResponse = Type.Object({
  credential: Credential,
  token: Type.String({ description: 'O token, mostrado só desta vez; guarde-o com segurança.' }),
});

export const DeliveryQuery = Type.Object(
  { protocol: Type.Optional(Type.String({ minLength: 1, maxLength: 24 })) },
  { additionalProperties: false },
);

export const DeliveryListResponse = Type.Object({
  deliveries: Type.Array(
    Type.Object({
      id: Type.Integer(),
      protocolCode: Type.String(),
      subscriber: Type.String({
        description: 'partnerCallback (confirmação) ou partnerSubmission (envio do formulário).',
      }),
      toStatus: Type.String(),
      status: Type.Union([
        Type.Literal('pending'),
        Type.Literal('delivered'),
        Type.Literal('failed'),
      ]),
      attempts: Type.Integer(),
      nextAttemptAt: Nullable(Iso),
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
});

export const ReplayResponse = Type.Object({ replayed: Type.Boolean() });

export const ClientSiteLinkResponse = Type.Object({
  url: Type.String({ description: 'URL do site do cliente com o parâmetro codigoCorreios.' }),
  expiresAt: Iso,
});

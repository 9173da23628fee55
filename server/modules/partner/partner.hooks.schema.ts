import { Type, type Static } from 'typebox';
import { Iso, Nullable, Uuid } from '@server/http/common.schema.ts';

export const HookParams = Type.Object({ id: Uuid, serviceId: Uuid });

const PartnerUrl = (description: string, example: string) =>
  Nullable(
    Type.String({
      minLength: 1,
      maxLength: 2000,
      description:
        `${description} https; endereços de loopback, link-local e privados são recusados, ` +
        'salvo com STER_ALLOW_PRIVATE_CALLBACKS=true (desenvolvimento). Nulo: não chamar.',
      examples: [example],
    }),
  );

export const HookBody = Type.Object(
  {
    validationUrl: PartnerUrl(
      'Endpoint de validação do parceiro, chamado antes de criar o protocolo (resposta em até ' +
        '3 s: { "valido": true } ou { "valido": false, "mensagem": "..." }).',
      'https://parceiro.example.com/ster/validacao',
    ),
    submissionUrl: PartnerUrl(
      'API do parceiro que recebe os dados do formulário depois de criado o protocolo ' +
        '(pela fila de saída: pelo menos uma vez, assinado, com novas tentativas).',
      'https://parceiro.example.com/ster/formularios',
    ),
  },
  { additionalProperties: false },
);
export type HookBody = Static<typeof HookBody>;

export const HookListResponse = Type.Object({
  services: Type.Array(
    Type.Object({
      serviceId: Uuid,
      serviceCode: Type.String(),
      serviceName: Type.String(),
      solution: Type.Union([Type.Literal('clientSite'), Type.Literal('hostedForm')]),
      validationUrl: Nullable(Type.String()),
      submissionUrl: Nullable(Type.String()),
    }),
  ),
});

const Snapshot = Nullable(Type.Object({}, { additionalProperties: true }));

export const PartnerChangesResponse = Type.Object({
  changes: Type.Array(
    Type.Object({
      id: Type.Integer(),
      entity: Type.Union(
        [
          Type.Literal('partner'),
          Type.Literal('partnerCredential'),
          Type.Literal('partnerServiceHook'),
        ],
        { description: 'partner, partnerCredential (token) ou partnerServiceHook (serviço).' },
      ),
      entityId: Uuid,
      action: Type.String({ description: 'create ou update.' }),
      before: Snapshot,
      after: Snapshot,
      actorLabel: Type.String({ description: 'Matrícula e nome de quem alterou.' }),
      occurredAt: Iso,
    }),
  ),
});

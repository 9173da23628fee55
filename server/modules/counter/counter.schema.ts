import { Type, type Static } from 'typebox';
import { Cents, Iso, Nullable } from '@server/http/common.schema.ts';
import { CANCEL_REASONS } from '@shared/protocol/lifecycle.ts';

export const PendingQuery = Type.Object(
  {
    registration: Type.Optional(
      Type.String({
        pattern: '^[0-9]{8}$',
        description: 'Matrícula de outro atendente da agência.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PendingSearchBody = Type.Object(
  {
    document: Type.String({ minLength: 11, maxLength: 18, description: 'CPF ou CNPJ do usuário.' }),
  },
  { additionalProperties: false },
);

const Reference = Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z-]+$' });

export const FinaliseBody = Type.Object(
  {
    till: Type.String({
      minLength: 1,
      maxLength: 20,
      pattern: '^[0-9A-Za-z-]+$',
      description: 'Caixa (guichê).',
    }),
    entryNumber: Reference,
    attendanceNumber: Reference,
  },
  {
    additionalProperties: false,
    description: 'Referências do próprio sistema de atendimento (SARA).',
  },
);
export type FinaliseBody = Static<typeof FinaliseBody>;

export const CancelBody = Type.Object(
  {
    reason: Type.Union(
      CANCEL_REASONS.map((reason) => Type.Literal(reason)),
      {
        description: 'citizenGaveUp (desistência do usuário) ou operatorError (erro operacional).',
      },
    ),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const ReverseBody = Type.Object(
  {
    reason: Type.String({ minLength: 3, maxLength: 200, description: 'Motivo do estorno.' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

const Line = Type.Object({
  lineNumber: Type.Integer(),
  kind: Type.String(),
  itemCode: Type.String(),
  description: Type.String(),
  quantity: Type.Integer(),
  unitCents: Cents,
  extrasCents: Cents,
  discountCents: Cents,
  totalCents: Cents,
});

const ContractInfo = Type.Object({
  number: Type.String(),
  adminCode: Type.String(),
  postalCard: Type.String(),
});

export const SaleResponse = Type.Object({
  sale: Type.Object({
    protocolCode: Type.String(),
    modality: Type.String(),
    modalityLabel: Type.String(),
    payer: Type.Object({
      kind: Type.String(),
      document: Type.String(),
      name: Nullable(Type.String()),
    }),
    client: Type.Object({ name: Type.String(), document: Type.String() }),
    contract: ContractInfo,
    service: Type.Object({ code: Type.String(), name: Type.String(), description: Type.String() }),
    lines: Type.Array(Line),
    totalCents: Cents,
  }),
});

export const ReceiptResponse = Type.Object({
  protocol: Type.Ref('Protocol'),
  receipt: Type.Object({
    title: Type.String(),
    protocolCode: Type.String(),
    agency: Nullable(Type.Object({ code: Type.String(), name: Nullable(Type.String()) })),
    attendant: Nullable(Type.String()),
    client: Type.Object({ name: Type.String(), document: Type.String() }),
    citizenDocument: Nullable(Type.String()),
    contract: ContractInfo,
    modality: Type.String(),
    modalityLabel: Type.String(),
    till: Nullable(Type.String()),
    entryNumber: Nullable(Type.String()),
    attendanceNumber: Nullable(Type.String()),
    finalisedAt: Iso,
    finalisedAtLocal: Type.String(),
    lines: Type.Array(Line),
    totalCents: Cents,
    ticketLines: Type.Array(Type.String()),
    invoicedStatement: Nullable(Type.String()),
    reversed: Type.Boolean(),
  }),
});

import { Type, type Static } from 'typebox';
import { Cents, Iso, Nullable, ProtocolCodeParam } from '@server/http/common.schema.ts';
import { ATTENDANCE_TYPES, PROTOCOL_STATUSES } from '@shared/protocol/lifecycle.ts';

const FormValue = Type.Union([
  Type.String({ maxLength: 2000 }),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
]);

export const Citizen = Type.Object(
  {
    document: Type.String({
      minLength: 11,
      maxLength: 18,
      description: 'CPF ou CNPJ do usuário, com ou sem máscara.',
      examples: ['123.456.789-09'],
    }),
    name: Type.Optional(Type.String({ maxLength: 120, description: 'Nome do usuário.' })),
  },
  { additionalProperties: false },
);

const FormData = Type.Record(Type.String({ maxLength: 40 }), FormValue, {
  maxProperties: 80,
  description: 'Respostas do formulário do serviço, por identificador de campo.',
});

const DocumentsChecked = Type.Array(Type.String({ maxLength: 40 }), {
  maxItems: 30,
  uniqueItems: true,
  description: 'Documentos exigidos que o atendente conferiu.',
});

const Quantity = Type.Integer({ minimum: 1, maximum: 99, default: 1 });

export const AttendanceBody = Type.Object(
  {
    serviceId: Type.String({ format: 'uuid' }),
    citizen: Citizen,
    formData: FormData,
    documentsChecked: Type.Optional(DocumentsChecked),
    quantity: Type.Optional(Quantity),
  },
  { additionalProperties: false },
);
export type AttendanceBody = Static<typeof AttendanceBody>;

export const PreAttendanceBody = Type.Object(
  { serviceId: Type.String({ format: 'uuid' }), citizen: Citizen, formData: FormData },
  { additionalProperties: false },
);
export type PreAttendanceBody = Static<typeof PreAttendanceBody>;

export const CompleteBody = Type.Object(
  {
    citizen: Type.Optional(Citizen),
    formData: Type.Optional(FormData),
    documentsChecked: DocumentsChecked,
    quantity: Type.Optional(Quantity),
  },
  { additionalProperties: false },
);
export type CompleteBody = Static<typeof CompleteBody>;

export const CodeParams = Type.Object({ code: ProtocolCodeParam });

export const SearchBody = Type.Object(
  {
    code: Type.Optional(ProtocolCodeParam),
    document: Type.Optional(
      Type.String({ minLength: 11, maxLength: 18, description: 'CPF ou CNPJ.' }),
    ),
    status: Type.Optional(Type.Union(PROTOCOL_STATUSES.map((status) => Type.Literal(status)))),
  },
  { additionalProperties: false },
);
export type SearchBody = Static<typeof SearchBody>;

export const ProtocolView = Type.Object(
  {
    code: Type.String({ description: 'Código do protocolo (14 dígitos).' }),
    status: Type.Union(PROTOCOL_STATUSES.map((status) => Type.Literal(status))),
    statusLabel: Type.String(),
    attendanceType: Type.Union(ATTENDANCE_TYPES.map((type) => Type.Literal(type))),
    attendanceTypeLabel: Type.String(),
    modality: Type.Union([Type.Literal('cash'), Type.Literal('invoiced')]),
    isTest: Type.Boolean(),
    citizen: Type.Object({
      documentKind: Type.String(),
      document: Type.String({ description: 'CPF mascarado, como ***.456.789-**.' }),
      name: Nullable(Type.String()),
    }),
    client: Type.Object({ id: Type.String(), name: Type.String() }),
    contract: Type.Object({
      number: Type.String(),
      adminCode: Type.String(),
      postalCard: Type.String(),
    }),
    service: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
    agency: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
    attendant: Nullable(Type.Object({ registration: Type.String() })),
    totalCents: Nullable(Cents),
    documentsChecked: Type.Array(Type.String()),
    counterReference: Nullable(
      Type.Object({
        till: Type.String(),
        entryNumber: Nullable(Type.String()),
        attendanceNumber: Nullable(Type.String()),
      }),
    ),
    expiresAt: Nullable(Iso),
    createdAt: Iso,
    updatedAt: Iso,
  },
  { $id: 'Protocol', title: 'Protocolo' },
);

export const ProtocolResponse = Type.Object({ protocol: Type.Ref('Protocol') });
export const ProtocolListResponse = Type.Object({ protocols: Type.Array(Type.Ref('Protocol')) });

export const ProtocolDetailResponse = Type.Object({
  protocol: Type.Ref('Protocol'),
  lines: Type.Array(
    Type.Object({
      lineNumber: Type.Integer(),
      kind: Type.String(),
      itemCode: Type.String(),
      description: Type.String(),
      quantity: Type.Integer(),
      unitCents: Cents,
      totalCents: Cents,
    }),
  ),
  form: Nullable(
    Type.Object({
      version: Type.Integer(),
      answers: Type.Array(
        Type.Object({
          field: Type.String(),
          label: Type.String(),
          value: Type.Union([Type.String(), Type.Number(), Type.Boolean()]),
        }),
      ),
      requiredDocuments: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
    }),
  ),
  allowedActions: Type.Array(Type.String()),
});

export const HistoryResponse = Type.Object({
  events: Type.Array(
    Type.Object({
      sequence: Type.Integer(),
      type: Type.String(),
      fromStatus: Nullable(Type.String()),
      toStatus: Type.String(),
      actor: Type.Object({ kind: Type.String(), label: Type.String() }),
      agency: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
      terminal: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      note: Nullable(Type.String()),
      occurredAt: Iso,
      hash: Type.String(),
    }),
  ),
});

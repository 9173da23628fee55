import { Type, type Static } from 'typebox';
import { Cents, Iso, Nullable, ProtocolCodeParam } from '@server/http/common.schema.ts';
import { ATTENDANCE_TYPES, PROTOCOL_STATUSES } from '@shared/protocol/lifecycle.ts';

const Status = Type.Union(PROTOCOL_STATUSES.map((status) => Type.Literal(status)));

export const ProofBody = Type.Object(
  {
    code: ProtocolCodeParam,
    document: Type.String({
      minLength: 11,
      maxLength: 18,
      description: 'CPF (ou CNPJ) informado no atendimento, com ou sem máscara.',
      examples: ['123.456.789-09'],
    }),
  },
  { additionalProperties: false },
);
export type ProofBody = Static<typeof ProofBody>;

export const CitizenProtocol = Type.Object(
  {
    code: Type.String(),
    status: Status,
    statusLabel: Type.String(),
    attendanceType: Type.Union(ATTENDANCE_TYPES.map((type) => Type.Literal(type))),
    attendanceTypeLabel: Type.String(),
    client: Type.Object({ name: Type.String() }),
    service: Type.Object({ code: Type.String(), name: Type.String() }),
    agency: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
    totalCents: Nullable(Cents),
    expiresAt: Nullable(Iso),
    createdAt: Iso,
  },
  { $id: 'CitizenProtocol', title: 'Protocolo (visão do cidadão)' },
);

export const StatusResponse = Type.Object({
  protocol: Type.Intersect([
    Type.Ref('CitizenProtocol'),
    Type.Object({
      dates: Type.Array(Type.Object({ status: Status, label: Type.String(), at: Iso }), {
        description: 'Quando o protocolo chegou a cada situação.',
      }),
    }),
  ]),
});

export const VoucherResponse = Type.Object({
  voucher: Type.Object({
    code: Type.String(),
    formattedCode: Type.String(),
    status: Status,
    client: Type.Object({ name: Type.String() }),
    service: Type.Object({ code: Type.String(), name: Type.String() }),
    requiredDocuments: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
    expiresAt: Nullable(Iso),
    expiresAtLocal: Type.String(),
    notice: Type.String(),
    barcodeSvg: Type.String({ description: 'Código de barras Code128 do protocolo, em SVG.' }),
    qrSvg: Type.String({ description: 'QR code do protocolo, em SVG.' }),
  }),
});

export const MyProtocolsResponse = Type.Object({
  protocols: Type.Array(Type.Ref('CitizenProtocol')),
});

export const ExportResponse = {
  description: 'Tudo o que o STER guarda sobre o cidadão (JSON), para download.',
  content: { 'application/json': { schema: Type.Object({}, { additionalProperties: true }) } },
};

export const PdfResponse = {
  description: 'Documento em PDF.',
  content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
};

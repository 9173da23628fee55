import { Type } from 'typebox';
import { CalendarDate, Cents, Iso, Nullable, Uuid } from '@server/http/common.schema.ts';

const Signed = Type.Integer({ description: 'Valor em centavos.' });

export const DayCloseQuery = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    date: Type.String({ format: 'date', description: 'Dia do movimento (AAAA-MM-DD).' }),
  },
  { additionalProperties: false },
);

export const DayCloseBody = Type.Object(
  { agencyId: Type.Optional(Uuid), date: Type.String({ format: 'date' }) },
  { additionalProperties: false },
);

export const DayCloseResponse = Type.Object(
  {
    agency: Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
    date: CalendarDate,
    rows: Type.Array(
      Type.Object({
        registration: Nullable(Type.String()),
        name: Nullable(Type.String()),
        till: Nullable(Type.String()),
        count: Type.Integer(),
        totalCents: Cents,
        reversedCount: Type.Integer(),
        reversedCents: Cents,
      }),
    ),
    totals: Type.Object({
      count: Type.Integer(),
      totalCents: Cents,
      reversedCount: Type.Integer(),
      reversedCents: Cents,
      netCents: Signed,
    }),
    closed: Nullable(
      Type.Object({
        closedAt: Iso,
        closedByLabel: Type.String(),
        attendanceCount: Type.Integer(),
        totalCents: Signed,
      }),
    ),
  },
  { title: 'Fechamento do caixa do dia' },
);

const FileContent = Type.String({
  minLength: 1,
  maxLength: 200_000,
  description: 'O arquivo, como texto (CSV com ;).',
});

export const CounterFileBody = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    date: Type.String({ format: 'date', description: 'Dia do movimento do arquivo.' }),
    content: FileContent,
  },
  { additionalProperties: false },
);

export const ErpFileBody = Type.Object({ content: FileContent }, { additionalProperties: false });

const DifferenceKind = Type.Union(
  [
    Type.Literal('absentAtCounter'),
    Type.Literal('unknownInSter'),
    Type.Literal('notFinalisedInSter'),
    Type.Literal('amountDiffers'),
    Type.Literal('billedTwice'),
    Type.Literal('billedNever'),
  ],
  {
    description:
      'absentAtCounter: finalizado no STER, ausente no balcão; unknownInSter: no arquivo, ' +
      'desconhecido no STER; notFinalisedInSter: no arquivo, mas não finalizado no STER; ' +
      'amountDiffers: valores diferentes; billedTwice: cobrado duas vezes; billedNever: nunca cobrado.',
  },
);
const DifferenceStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('explained'),
  Type.Literal('resolved'),
]);

const Difference = Type.Object({
  id: Uuid,
  kind: DifferenceKind,
  status: DifferenceStatus,
  protocolCode: Nullable(Type.String()),
  reference: Type.String(),
  sterCents: Nullable(Signed),
  reportedCents: Nullable(Signed),
  createdAt: Iso,
  importId: Uuid,
  source: Type.String(),
  businessDate: Nullable(CalendarDate),
  agencyCode: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  notes: Type.Array(
    Type.Object({
      note: Type.String(),
      resolution: Nullable(Type.String()),
      authorLabel: Type.String(),
      createdAt: Iso,
    }),
  ),
});

export const ImportResponse = Type.Object({
  importId: Uuid,
  replayed: Type.Boolean({ description: 'O mesmo arquivo já tinha sido importado.' }),
  differences: Type.Array(Difference),
});

export const DifferenceQuery = Type.Object(
  {
    status: Type.Optional(DifferenceStatus),
    agencyId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

export const DifferenceListResponse = Type.Object({ differences: Type.Array(Difference) });

export const DifferenceParams = Type.Object({ id: Uuid });

export const NoteBody = Type.Object(
  {
    note: Type.String({ minLength: 1, maxLength: 2000 }),
    resolution: Type.Optional(
      Type.Union([Type.Literal('explained'), Type.Literal('resolved')], {
        description:
          'explained: justificada; resolved: corrigida. Sem ela, a diferença segue aberta.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const NoteResponse = Type.Object({ difference: Difference });
